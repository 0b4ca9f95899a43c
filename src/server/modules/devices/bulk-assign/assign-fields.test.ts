import { describe, expect, it } from 'vitest';
import { assignFieldOf, parseAccessories, parseAssigneeType, parseCondition, parseOverrideReason } from './assign-fields';

describe('bulk-assignment CSV columns', () => {
  it('reads the headers districts write, in any case and punctuation', () => {
    expect(assignFieldOf('Asset Tag')).toBe('assetTag');
    expect(assignFieldOf('serial_number')).toBe('serial');
    expect(assignFieldOf('Student ID')).toBe('assignee');
    expect(assignFieldOf('Assigned To')).toBe('assignee');
    expect(assignFieldOf('Assignee Type')).toBe('assigneeType');
    expect(assignFieldOf('Due Date')).toBe('dueDate');
    expect(assignFieldOf('Hold Override Reason')).toBe('holdOverrideReason');
    expect(assignFieldOf('Favourite colour')).toBeUndefined();
  });

  it('parses assignee types, conditions, accessories and override reasons', () => {
    expect(parseAssigneeType('Teacher')).toEqual({ ok: true, value: 'staff' });
    expect(parseAssigneeType('Classroom')).toEqual({ ok: true, value: 'room' });
    expect(parseAssigneeType('bus')).toEqual({ ok: false, message: 'is not an assignee type: use Student, Staff, Cart or Room' });
    expect(parseCondition('Good')).toEqual({ ok: true, value: 'good' });
    expect(parseCondition('shiny').ok).toBe(false);
    expect(parseAccessories('Charger; case |  stylus')).toEqual({ ok: true, value: ['Charger', 'case', 'stylus'] });
    expect(parseAccessories(Array.from({ length: 11 }, (_, i) => `a${i}`).join(',')).ok).toBe(false);
    expect(parseOverrideReason('ok').ok).toBe(false);
    expect(parseOverrideReason('payment plan agreed')).toEqual({ ok: true, value: 'payment plan agreed' });
  });
});
