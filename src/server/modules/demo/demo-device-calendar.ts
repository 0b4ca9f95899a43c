import type { Rng } from './generate-random';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * The school year the demo is in: it starts in the year whose device distribution (mid-August)
 * has had at least a month to make some history, so every planned event lies in the past.
 */
export function demoSchoolYear(now: number): number {
  const y = new Date(now).getUTCFullYear();
  return now >= Date.UTC(y, 8, 15) ? y : y - 1;
}

/** How a school year is written on a use agreement: "2026-27". */
export const schoolYearLabel = (y: number) => `${y}-${String((y + 1) % 100).padStart(2, '0')}`;

export type DemoCalendar = ReturnType<typeof createDemoCalendar>;

/**
 * When things happen in the demo's device year, counted from `now`: each school hands devices out
 * on its own day in August, at a scan station's pace (one every 40 seconds, 500 a day), and
 * collects them in early June; breakages and losses come on school days in school hours.
 */
export function createDemoCalendar(rng: Rng, o: { now: number; schoolIds: string[] }) {
  const { now } = o;
  const Y = demoSchoolYear(now);
  const at = (year: number, md: string, hour = 14) => Date.parse(`${year}-${md}T${String(hour).padStart(2, '0')}:00:00Z`);
  const schoolIndex = new Map(o.schoolIds.map((id, i) => [id, i]));
  const indexOf = (schoolId: string | null) => schoolIndex.get(schoolId ?? '') ?? 0;
  const slots = new Map<string, number>();
  const slot = (key: string, base: number, perDay = 500, gap = 40_000) => {
    const n = slots.get(key) ?? 0;
    slots.set(key, n + 1);
    return base + Math.floor(n / perDay) * DAY + (n % perDay) * gap + rng.int(0, gap / 2);
  };
  const august = (schoolId: string | null, year: number, first: number, days: number) =>
    at(year, `08-${String(first + (indexOf(schoolId) % days)).padStart(2, '0')}`);
  return {
    schoolYear: Y,
    at,
    /** DistrictOps was adopted the summer before last: the inventory spreadsheet was imported then. */
    adopted: at(Y - 1, '06-15', 15),
    lastDistribution: (s: string | null) => slot(`d1 ${s}`, august(s, Y - 1, 17, 5)),
    distribution: (s: string | null) => slot(`d ${s}`, august(s, Y, 17, 5)),
    staffWeek: (s: string | null) => slot(`staff ${s}`, august(s, Y - 1, 10, 4), 150, 120_000),
    /** Carts are assigned in bulk, a whole cart in minutes. */
    cartDay: (s: string | null) => slot(`cart ${s}`, august(s, Y - 1, 10, 4) + 2 * HOUR, 5000, 5_000),
    collection: (s: string | null) => slot(`c ${s}`, at(Y, `06-0${1 + (indexOf(s) % 4)}`), 600, 30_000),
    /** A school day in school hours after the distribution week, at least `margin` days before now. */
    thisYear: (margin = 1) => {
      const from = at(Y, '08-28');
      let day = from + rng.int(0, Math.max(0, Math.floor((now - margin * DAY - from) / DAY))) * DAY;
      const weekday = new Date(day).getUTCDay();
      if (weekday === 6 || weekday === 0) day -= (weekday === 6 ? 1 : 2) * DAY;
      return day - HOUR / 2 + rng.int(0, 7 * 60) * 60_000;
    },
  };
}
