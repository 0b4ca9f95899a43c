/** The arithmetic of fees, kept out of SQL where it is a rule a person would state. */

/** Cents from a decimal string ('45.5' → 4550), exactly: no floating point. */
export function toCents(amount: string): number {
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(amount.trim());
  if (!m) throw new Error(`not an amount: ${amount}`);
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** A decimal string with two places from cents (4550 → '45.50'). */
export function fromCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * The school year a date falls in, named by the year it ends (OneRoster's convention: 2025 is
 * 2024–25). Used when the district has no school-year session covering the date; years turn on July 1.
 */
export function schoolYearOf(isoDate: string): number {
  const [year, month] = isoDate.split('-').map(Number) as [number, number];
  return month >= 7 ? year + 1 : year;
}

/** '2024–25' for 2025. */
export function schoolYearLabel(schoolYear: number): string {
  return `${schoolYear - 1}–${String(schoolYear % 100).padStart(2, '0')}`;
}

/**
 * Whether this occurrence is one of the free ones: a price with freePerYear = 1 makes a
 * student's first occurrence in a school year free and charges from the second on.
 */
export function isFreeOccurrence(o: { priorOccurrences: number; freePerYear: number }): boolean {
  return o.priorOccurrences < o.freePerYear;
}

const ordinals = ['1st', '2nd', '3rd'];
export function ordinal(n: number): string {
  return ordinals[n - 1] ?? `${n}th`;
}
