import { describe, expect, it } from 'vitest';
import { schoolYearLabel, schoolYearOf } from '../lifecycle/school-year';
import { fromCents, toCents } from '../money';
import { isFreeOccurrence, ordinal } from './fee-rules';

describe('fee arithmetic', () => {
  it('converts decimal strings to cents and back without floating point', () => {
    expect(toCents('45')).toBe(4500);
    expect(toCents('45.5')).toBe(4550);
    expect(toCents('0.07')).toBe(7);
    expect(toCents('9999999999.99')).toBe(999999999999);
    expect(fromCents(4550)).toBe('45.50');
    expect(fromCents(7)).toBe('0.07');
    expect(fromCents(-1205)).toBe('-12.05');
    expect(fromCents(toCents('0.1') + toCents('0.2'))).toBe('0.30');
    expect(() => toCents('12.345')).toThrow();
  });

  it('names the school year by the year it ends, turning on July 1', () => {
    expect(schoolYearOf('2025-06-30')).toBe(2025);
    expect(schoolYearOf('2025-07-01')).toBe(2026);
    expect(schoolYearOf('2026-01-15')).toBe(2026);
    expect(schoolYearLabel(2026)).toBe('2025–26');
    expect(schoolYearLabel(2000)).toBe('1999–00');
  });

  it('makes the first occurrences free, up to the allowance', () => {
    expect(isFreeOccurrence({ priorOccurrences: 0, freePerYear: 1 })).toBe(true);
    expect(isFreeOccurrence({ priorOccurrences: 1, freePerYear: 1 })).toBe(false);
    expect(isFreeOccurrence({ priorOccurrences: 0, freePerYear: 0 })).toBe(false);
    expect(isFreeOccurrence({ priorOccurrences: 1, freePerYear: 2 })).toBe(true);
    expect([1, 2, 3, 4].map(ordinal)).toEqual(['1st', '2nd', '3rd', '4th']);
  });
});
