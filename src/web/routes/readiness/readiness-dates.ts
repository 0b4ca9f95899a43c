import type { ReadinessBoard, ReadinessItem } from '../../api/readiness';

const DAY = 86_400_000;
const toTime = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`);

/** Calendar dates ('YYYY-MM-DD') carry no time zone, so their arithmetic is done in UTC. */
export function addDays(isoDate: string, days: number): string {
  return new Date(toTime(isoDate) + days * DAY).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((toTime(to) - toTime(from)) / DAY);
}

/**
 * The district's "today", as the server counted it when it answered: the first day minus the days
 * left until it. Using it (not the browser's clock) keeps "late" here the same as the server's.
 */
export function districtToday(board: Pick<ReadinessBoard, 'firstDay' | 'daysToFirstDay'>): string {
  return addDays(board.firstDay, -board.daysToFirstDay);
}

/** A school year is named by the year it ends in (2028 is 2027–28), as OneRoster does. */
export function schoolYearLabel(schoolYear: number): string {
  return `${schoolYear - 1}–${String(schoolYear % 100).padStart(2, '0')}`;
}

/** The school year whose first day falls in the calendar year of `isoDate` (or the next one once it has passed). */
export function suggestedSchoolYear(today: string, taken: readonly number[]): number {
  let year = Number(today.slice(0, 4)) + (today.slice(5) > '08-15' ? 2 : 1);
  while (taken.includes(year)) year++;
  return year;
}

export type ItemTiming = { kind: 'done' } | { kind: 'late'; days: number } | { kind: 'today' } | { kind: 'upcoming'; days: number };

export function itemTiming(item: Pick<ReadinessItem, 'done' | 'late' | 'dueDate'>, today: string): ItemTiming {
  if (item.done) return { kind: 'done' };
  const days = daysBetween(today, item.dueDate);
  // The server's flag wins: it decides lateness in the district's time zone.
  if (item.late) return { kind: 'late', days: Math.max(1, -days) };
  if (days <= 0) return { kind: 'today' };
  return { kind: 'upcoming', days };
}

export const readinessFilters = ['all', 'open', 'late', 'mine'] as const;
export type ReadinessFilter = (typeof readinessFilters)[number];

export function matchesFilter(item: ReadinessItem, filter: ReadinessFilter, accountId: string | null): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'open':
      return item.done === null;
    case 'late':
      return item.late;
    case 'mine':
      return accountId !== null && item.owner.id === accountId;
  }
}

/** The year to open when none is chosen: the next first day still ahead, else the most recent one. */
export function defaultYear(years: readonly { schoolYear: number; daysToFirstDay: number }[]): number | undefined {
  const ahead = years.filter((y) => y.daysToFirstDay >= 0).sort((a, b) => a.daysToFirstDay - b.daysToFirstDay);
  return ahead[0]?.schoolYear ?? years[0]?.schoolYear;
}
