import { describe, expect, it } from 'vitest';
import { fromCents, toCents } from '../money';
import { schoolYearBounds, schoolYearLabel, schoolYearOf } from './school-year';

describe('school years (July to June, named by the year they end in)', () => {
  it('puts June in the year ending then and July in the next', () => {
    expect(schoolYearOf('2027-06-30')).toBe(2027);
    expect(schoolYearOf('2026-07-01')).toBe(2027);
    expect(schoolYearOf('2026-06-30')).toBe(2026);
    expect(schoolYearOf('2026-12-31')).toBe(2027);
    expect(schoolYearOf('2027-01-01')).toBe(2027);
  });

  it('names and bounds a year', () => {
    expect(schoolYearLabel(2027)).toBe('2026–27');
    expect(schoolYearLabel(2100)).toBe('2099–00');
    expect(schoolYearBounds(2027)).toEqual({ startsOn: '2026-07-01', endsOn: '2027-06-30' });
  });
});

describe('money in cents', () => {
  it('reads PostgreSQL numerics and writes two decimals', () => {
    expect(toCents('1249.50')).toBe(124950);
    expect(toCents('1249.5')).toBe(124950);
    expect(toCents('279')).toBe(27900);
    expect(toCents('0.07')).toBe(7);
    expect(fromCents(124950)).toBe('1249.50');
    expect(fromCents(7)).toBe('0.07');
    expect(fromCents(0)).toBe('0.00');
    // 30,000 devices at 279.99 add up exactly, which floats would not promise.
    expect(fromCents(toCents('279.99') * 30_000)).toBe('8399700.00');
  });
});
