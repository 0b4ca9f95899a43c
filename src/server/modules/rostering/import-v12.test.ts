import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../../../test/helpers/db';
import { exportFolder, importFolder, readFixture, removeExports } from './test-support';

afterAll(removeExports);

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

const person = async (sourcedId: string) =>
  (
    await t.db.query<{
      id: string;
      primary_role: string;
      preferred_given_name: string | null;
      school: string | null;
      extra: Record<string, unknown>;
      demographics: Record<string, unknown>;
    }>(
      `SELECT p.id, p.primary_role, p.preferred_given_name, s.name AS school, p.extra, p.demographics
         FROM people p LEFT JOIN schools s ON s.id = p.primary_school_id WHERE p.sourced_id = $1`,
      [sourcedId],
    )
  ).rows[0]!;
const schoolRoles = async (sourcedId: string) =>
  (
    await t.db.query<{ school: string; role: string; role_type: string }>(
      `SELECT s.name AS school, pr.role, pr.role_type FROM person_roles pr JOIN people p ON p.id = pr.person_id JOIN schools s ON s.id = pr.school_id
        WHERE p.sourced_id = $1 ORDER BY s.name`,
      [sourcedId],
    )
  ).rows;

describe('OneRoster 1.2 import', () => {
  it('reads roles.csv, preferred names, the primary org, 1.2 demographics and user profiles', async () => {
    const r = await importFolder(t.db, exportFolder('v1p2-base'));
    expect(r.errors).toEqual([]);
    expect(r.version).toBe('1.2');
    expect(r.counts).toMatchObject({
      users: { created: 8 },
      roles: { created: 10 },
      userProfiles: { created: 1 },
      guardianLinks: { created: 3 },
    });

    const ava = await person('s-ava');
    expect(ava).toMatchObject({ primary_role: 'student', preferred_given_name: 'Avi', school: 'Oak High School' });
    expect(ava.extra).toMatchObject({ pronouns: 'she/her', userMasterIdentifier: 'MI-2001' });
    expect((await person('s-ben')).demographics).toMatchObject({ sex: 'other' });
    // A district administrator who is also principal of a school: administrator, filed at that school.
    const ruiz = await person('a-ruiz');
    expect(ruiz).toMatchObject({ primary_role: 'administrator', school: null, extra: { oneRosterRole: 'districtAdministrator' } });
    expect(await schoolRoles('a-ruiz')).toEqual([{ school: 'Elm Elementary School', role: 'administrator', role_type: 'secondary' }]);
    expect(await schoolRoles('t-kim')).toEqual([
      { school: 'Elm Elementary School', role: 'teacher', role_type: 'primary' },
      { school: 'Oak High School', role: 'teacher', role_type: 'secondary' },
    ]);
    const { rows } = await t.db.query<{ vendor_id: string; username: string; extra: unknown }>(
      'SELECT vendor_id, username, extra FROM roster_user_profiles',
    );
    expect(rows).toEqual([{ vendor_id: 'vendor-readwell', username: 'ava.reads', extra: {} }]);
    const { rows: leak } = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM roster_user_profiles x WHERE x::text LIKE '%hunter2%'`,
    );
    expect(leak[0]!.n).toBe(0);
  });

  it('changes nothing the second time', async () => {
    const r = await importFolder(t.db, exportFolder('v1p2-base'));
    expect(Object.values(r.counts).every((c) => c.created + c.updated + c.deactivated === 0)).toBe(true);
    expect(r.counts.roles!.unchanged).toBe(10);
  });

  it('applies a delta of roles.csv: a role marked tobedeleted is removed', async () => {
    const manifest = readFixture('v1p2-base', 'manifest.csv').replace(/,bulk/g, ',absent').replace('file.roles,absent', 'file.roles,delta');
    const r = await importFolder(
      t.db,
      exportFolder('v1p2-base', {
        'manifest.csv': manifest,
        'roles.csv':
          'sourcedId,status,dateLastModified,userSourcedId,roleType,role,beginDate,endDate,orgSourcedId,userProfileSourcedId\nr-3,tobedeleted,2026-10-01,t-kim,secondary,teacher,,,sch-oak,\n',
      }),
    );
    expect(r.errors).toEqual([]);
    expect(r.counts.roles).toMatchObject({ deactivated: 1 });
    expect(await schoolRoles('t-kim')).toEqual([{ school: 'Elm Elementary School', role: 'teacher', role_type: 'primary' }]);
  });

  it('refuses a new user without a role', async () => {
    const users = readFixture('v1p2-base', 'users.csv') + 's-eve,,,true,eve,,Eve,Adams,,S2005,,,,,09,,,,,,,sch-oak,\n';
    const r = await importFolder(t.db, exportFolder('v1p2-base', { 'users.csv': users }));
    expect(r.errors).toEqual([
      expect.objectContaining({
        file: 'users.csv',
        row: 10,
        column: 'sourcedId',
        value: 's-eve',
        message: expect.stringMatching(/no role in roles.csv/),
      }),
    ]);
  });
});
