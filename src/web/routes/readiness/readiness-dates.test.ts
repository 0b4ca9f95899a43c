import { describe, expect, it } from 'vitest';
import { defaultYear, districtToday, itemTiming, schoolYearLabel, suggestedSchoolYear } from './readiness-dates';

const item = (dueDate: string, o: { late?: boolean; done?: boolean } = {}) => ({
  dueDate,
  late: o.late ?? false,
  done: o.done ? { at: '2027-08-01T12:00:00Z', by: 'it', evidence: { text: 'ok', url: null } } : null,
});

describe('readiness dates', () => {
  it('counts days from the district’s today, as the server did, across a month end', () => {
    const today = districtToday({ firstDay: '2027-09-07', daysToFirstDay: 10 });
    expect(today).toBe('2027-08-28');
    expect(itemTiming(item('2027-09-03'), today)).toEqual({ kind: 'upcoming', days: 6 });
    expect(itemTiming(item('2027-08-28'), today)).toEqual({ kind: 'today' });
    expect(itemTiming(item('2027-07-24', { late: true }), today)).toEqual({ kind: 'late', days: 35 });
    // Done wins over a passed date.
    expect(itemTiming(item('2027-07-24', { done: true }), today)).toEqual({ kind: 'done' });
  });

  it('names a school year by both calendar years and suggests the next one without a board', () => {
    expect(schoolYearLabel(2028)).toBe('2027–28');
    expect(schoolYearLabel(2100)).toBe('2099–00');
    expect(suggestedSchoolYear('2026-11-23', [])).toBe(2028);
    expect(suggestedSchoolYear('2027-03-01', [])).toBe(2028);
    expect(suggestedSchoolYear('2027-03-01', [2028])).toBe(2029);
  });

  it('opens the board whose first day is next, else the most recent', () => {
    const years = [
      { schoolYear: 2029, daysToFirstDay: 400 },
      { schoolYear: 2028, daysToFirstDay: 35 },
      { schoolYear: 2027, daysToFirstDay: -330 },
    ];
    expect(defaultYear(years)).toBe(2028);
    expect(defaultYear([{ schoolYear: 2027, daysToFirstDay: -330 }])).toBe(2027);
    expect(defaultYear([])).toBeUndefined();
  });
});
