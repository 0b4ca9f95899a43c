import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../../../test/helpers/db';
import { searchPeople } from '../people/people.repository';
import { actorFor, exportFolder, importFolder, removeExports } from './test-support';

afterAll(removeExports);

let t: TestDb;
let districtId: string;
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
      status: string;
      family_name: string;
      grades: string[];
      demographics: Record<string, unknown>;
      birth_date: string | null;
      extra: Record<string, unknown>;
    }>('SELECT id, status, family_name, grades, demographics, birth_date, extra FROM people WHERE sourced_id = $1', [sourcedId])
  ).rows[0];
const directory = (q: Parameters<typeof searchPeople>[2]) => searchPeople(t.db, actorFor(districtId), q);
const query = { status: 'active', sort: 'name', page: 1, pageSize: 50 } as const;

// One story, in order: a first bulk import, the same files again, a delta, then a bulk that leaves records out.
describe('OneRoster 1.1 import', () => {
  it('creates the district and its roster, which the people directory then shows', async () => {
    const r = await importFolder(t.db, exportFolder('v1p1-base'));
    expect(r.errors).toEqual([]);
    expect(r.status).toBe('ok');
    districtId = r.districtId!;
    expect(r.counts).toMatchObject({
      orgs: { created: 4 },
      academicSessions: { created: 3 },
      courses: { created: 3 },
      classes: { created: 3 },
      users: { created: 8 },
      enrollments: { created: 7 },
      demographics: { created: 3 },
      guardianLinks: { created: 3 },
    });
    const { rows: district } = await t.db.query<{ name: string; sourced_id: string }>(
      'SELECT name, sourced_id FROM districts WHERE id = $1',
      [districtId],
    );
    expect(district[0]).toEqual({ name: 'Riverbend School District', sourced_id: 'dist-1' });

    const students = await directory({ ...query, role: 'student' });
    expect(students.items.map((p) => [p.givenName, p.schoolName, p.grades])).toEqual([
      ['Ava', 'Oak High School', ['09']],
      ['Cam', 'Elm Elementary School', ['03']],
      ['Ben', 'Oak High School', ['10']],
    ]);
    const staff = await directory({ ...query, role: 'staff' });
    expect(staff.items.map((p) => p.familyName)).toEqual(['Kim', 'Lee', 'Ruiz']);
  });

  it('files people by school and links guardians, so each role sees what it should', async () => {
    const lee = await person('t-lee');
    const teacherSees = await searchPeople(t.db, actorFor(districtId, ['teacher'], lee!.id), { ...query, role: 'student' });
    expect(teacherSees.items.map((p) => p.givenName).sort()).toEqual(['Ava', 'Ben']);
    const lan = await person('g-nguyen');
    const parentSees = await searchPeople(t.db, { ...actorFor(districtId, ['guardian'], lan!.id) }, { ...query, role: 'student' });
    expect(parentSees.items.map((p) => p.givenName).sort()).toEqual(['Ava', 'Cam']);
    const { rows: roles } = await t.db.query<{ school: string; role_type: string }>(
      `SELECT s.name AS school, pr.role_type FROM person_roles pr JOIN schools s ON s.id = pr.school_id JOIN people p ON p.id = pr.person_id
        WHERE p.sourced_id = 't-kim' ORDER BY pr.role_type`,
    );
    expect(roles).toEqual([
      { school: 'Elm Elementary School', role_type: 'primary' },
      { school: 'Oak High School', role_type: 'secondary' },
    ]);
    const { rows: schools } = await t.db.query<{ name: string; level: string; grades: string[] }>(
      'SELECT name, level, grades FROM schools ORDER BY name',
    );
    expect(schools).toEqual([
      { name: 'Elm Elementary School', level: 'elementary', grades: ['03'] },
      { name: 'Oak High School', level: 'high', grades: ['09', '10'] },
    ]);
    const ava = await person('s-ava');
    expect(ava!.birth_date).toBe('2011-05-14');
    expect(ava!.demographics).toMatchObject({ sex: 'female', asian: true, countryOfBirthCode: 'US', cityOfBirth: 'Minneapolis' });
  });

  it('changes nothing when the same files are imported again', async () => {
    const r = await importFolder(t.db, exportFolder('v1p1-base'));
    expect(r.status).toBe('ok');
    for (const [type, c] of Object.entries(r.counts)) {
      expect({ type, created: c.created, updated: c.updated, deactivated: c.deactivated }).toEqual({
        type,
        created: 0,
        updated: 0,
        deactivated: 0,
      });
    }
    expect(r.counts.users!.unchanged).toBe(8);
    expect(r.counts.enrollments!.unchanged).toBe(7);
  });

  it('applies a delta: a changed name, a new student and enrollment, and tobedeleted records become inactive', async () => {
    const r = await importFolder(t.db, exportFolder('v1p1-base', 'delta'));
    expect(r.errors).toEqual([]);
    expect(r.counts.users).toEqual({ created: 1, updated: 1, deactivated: 1, unchanged: 1 });
    expect(r.counts.enrollments).toEqual({ created: 1, updated: 0, deactivated: 1, unchanged: 0 });
    expect((await person('s-ben'))!.family_name).toBe('Okafor-Reyes');
    expect((await person('a-ruiz'))!.status).toBe('inactive');
    const chidi = await person('g-okafor');
    const children = await searchPeople(t.db, actorFor(districtId, ['guardian'], chidi!.id), { ...query, role: 'student' });
    expect(children.items.map((p) => p.givenName).sort()).toEqual(['Ben', 'Dee']);
    const { rows } = await t.db.query<{ status: string }>(`SELECT status FROM enrollments WHERE sourced_id = 'e-5'`);
    expect(rows[0]!.status).toBe('inactive');
    // Files the delta's manifest marks absent were not touched: Cam is still enrolled.
    expect((await person('s-cam'))!.status).toBe('active');
  });

  it('deactivates, never deletes, what a bulk file leaves out', async () => {
    const r = await importFolder(t.db, exportFolder('v1p1-base', 'bulk-second'));
    expect(r.errors).toEqual([]);
    // Cam is not in users.csv; Dee (added by the delta) is not either.
    expect(r.counts.users!.deactivated).toBe(2);
    expect(r.counts.enrollments!.deactivated).toBe(2);
    expect(r.counts.demographics!.deactivated).toBe(1);
    const cam = await person('s-cam');
    expect(cam!.status).toBe('inactive');
    expect(cam!.demographics).toEqual({});
    expect((await directory({ ...query, role: 'student' })).items.map((p) => p.givenName)).toEqual(['Ava', 'Ben']);
    expect((await directory({ ...query, role: 'student', status: 'inactive' })).items.map((p) => p.givenName).sort()).toEqual([
      'Cam',
      'Dee',
    ]);
    // Bulk users brought back Carmen Ruiz, whom the delta had deactivated.
    expect((await person('a-ruiz'))!.status).toBe('active');
  });

  it('records every import with its files, hashes and counts', async () => {
    const { rows } = await t.db.query<{
      status: string;
      source: string;
      files: { name: string; sha256: string }[];
      counts: Record<string, unknown>;
    }>(`SELECT status, source, files, counts FROM roster_imports ORDER BY created_at`);
    expect(rows.map((r) => r.status)).toEqual(['succeeded', 'succeeded', 'succeeded', 'succeeded']);
    expect(rows[0]!.files.map((f) => f.name)).toContain('users.csv');
    expect(rows[0]!.files.every((f) => /^[0-9a-f]{64}$/.test(f.sha256))).toBe(true);
    // The same files hash the same.
    expect(rows[1]!.files).toEqual(rows[0]!.files);
    const { rows: audit } = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'roster.imported'`);
    expect(audit[0]!.n).toBe(4);
  });
});
