/** The arithmetic of fees, kept out of SQL where it is a rule a person would state. */

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
