import { schoolYearStartMonth } from '../../../../shared/api/device-reports';

/** The school year a day falls in, named by the calendar year it ends in: 2026-08-24 → 2027. */
export function schoolYearOf(isoDay: string): number {
  const year = Number(isoDay.slice(0, 4));
  const month = Number(isoDay.slice(5, 7));
  return month >= schoolYearStartMonth ? year + 1 : year;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** First and last day of a school year: 2027 → 2026-07-01 … 2027-06-30. */
export function schoolYearBounds(schoolYear: number): { startsOn: string; endsOn: string } {
  const startsOn = `${schoolYear - 1}-${pad(schoolYearStartMonth)}-01`;
  const end = new Date(Date.UTC(schoolYear, schoolYearStartMonth - 1, 0));
  return { startsOn, endsOn: end.toISOString().slice(0, 10) };
}

/** 2027 → "2026–27". */
export function schoolYearLabel(schoolYear: number): string {
  return `${schoolYear - 1}–${String(schoolYear).slice(-2)}`;
}

/** Today as 'YYYY-MM-DD' (UTC, like the rest of the server's date arithmetic). */
export const todayIso = () => new Date().toISOString().slice(0, 10);
