import { describe, expect, it } from 'vitest';
import { roles } from '../../shared/roles';
import { permissions, roleHas, rolesHave } from './policy';

describe('policy', () => {
  it('gives the board district summaries but never a student record or the people directory', () => {
    expect(roleHas('board', 'district.summary')).toBe(true);
    expect(roleHas('board', 'students.read')).toBe(false);
    expect(roleHas('board', 'people.read')).toBe(false);
  });

  it('keeps administration with the district admin', () => {
    for (const role of roles) {
      expect(roleHas(role, 'accounts.manage')).toBe(role === 'district_admin');
      expect(roleHas(role, 'tokens.manage')).toBe(role === 'district_admin');
      expect(roleHas(role, 'roster.import')).toBe(role === 'district_admin');
    }
  });

  it('lets the privacy officer read the audit log, and no one else but the admin', () => {
    expect(roles.filter((r) => roleHas(r, 'audit.read'))).toEqual(['district_admin', 'privacy_officer']);
  });

  it('gives students and guardians no directory, only their own records', () => {
    for (const r of ['student', 'guardian'] as const) {
      expect(roleHas(r, 'people.read')).toBe(false);
      expect(roleHas(r, 'students.read')).toBe(true);
      expect(roleHas(r, 'district.summary')).toBe(false);
    }
  });

  it('treats public and authenticated as held by every role', () => {
    for (const r of roles) {
      expect(roleHas(r, 'public')).toBe(true);
      expect(roleHas(r, 'authenticated')).toBe(true);
    }
  });

  it('unions the permissions of several roles', () => {
    expect(rolesHave(['board', 'teacher'], 'district.summary')).toBe(true);
    expect(rolesHave(['board', 'teacher'], 'people.read')).toBe(true);
    expect(rolesHave([], 'people.read')).toBe(false);
  });

  it('grants every real permission to at least one role', () => {
    for (const p of permissions) expect(roles.some((r) => roleHas(r, p))).toBe(true);
  });
});
