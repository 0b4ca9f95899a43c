import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../../../test/helpers/db';
import { exportFolder, importFolder, removeExports } from './test-support';

afterAll(removeExports);

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  expect((await importFolder(t.db, exportFolder('v1p1-base'))).status).toBe('ok');
});
afterAll(async () => {
  await t.close();
});

const one = async <T>(sql: string, params: unknown[] = []) => (await t.db.query<T>(sql, params)).rows[0]!;

// Each variant holds the same roster written the way some real export writes it: importing it over
// the original must be accepted, and where the data is the same, change nothing.
describe('what real exports contain is accepted', () => {
  it('a UTF-8 byte-order mark and Windows line endings', async () => {
    const r = await importFolder(t.db, exportFolder('v1p1-base', 'tolerate-bom-crlf'));
    expect(r.errors).toEqual([]);
    expect(r.counts.users).toEqual({ created: 0, updated: 0, deactivated: 0, unchanged: 8 });
    expect(r.counts.enrollments).toEqual({ created: 0, updated: 0, deactivated: 0, unchanged: 7 });
  });

  it('quoted values holding commas, quotes and line breaks', async () => {
    const r = await importFolder(t.db, exportFolder('v1p1-base', 'tolerate-quoted'));
    expect(r.errors).toEqual([]);
    expect(r.counts.classes).toEqual({ created: 0, updated: 2, deactivated: 0, unchanged: 1 });
    const alg = await one<{ title: string; location: string }>(`SELECT title, location FROM classes WHERE sourced_id = 'cls-alg-1'`);
    expect(alg).toEqual({ title: 'Algebra I, Period 1 ("Room 101")', location: 'Room 101, North Wing' });
    expect((await one<{ title: string }>(`SELECT title FROM classes WHERE sourced_id = 'cls-bio-2'`)).title).toBe('Biology\nPeriods 2-3');
  });

  it('multi-value fields: grades, orgs, terms and periods', async () => {
    const bio = await one<{ grades: string[]; periods: string[]; terms: number }>(
      `SELECT grades, periods, cardinality(term_ids) AS terms FROM classes WHERE sourced_id = 'cls-bio-2'`,
    );
    expect(bio).toEqual({ grades: ['09', '10'], periods: ['2', '3'], terms: 1 });
    const alg = await one<{ terms: string[] }>(
      `SELECT ARRAY(SELECT a.title FROM unnest(c.term_ids) WITH ORDINALITY u(id, n) JOIN academic_sessions a ON a.id = u.id ORDER BY n) AS terms
         FROM classes c WHERE c.sourced_id = 'cls-alg-1'`,
    );
    expect(alg.terms).toEqual(['Fall 2026', 'Spring 2027']);
    const { rows } = await t.db.query<{ name: string }>(
      `SELECT s.name FROM person_roles pr JOIN people p ON p.id = pr.person_id JOIN schools s ON s.id = pr.school_id WHERE p.sourced_id = 'g-nguyen' ORDER BY s.name`,
    );
    expect(rows.map((r) => r.name)).toEqual(['Elm Elementary School', 'Oak High School']);
  });

  it('header case differences, vendor ext_ columns kept, unknown columns ignored with a warning', async () => {
    const r = await importFolder(t.db, exportFolder('v1p1-base', 'tolerate-extensions'));
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual(['users.csv: vendorNotes is not a OneRoster 1.1 column; ignored.']);
    const ava = await one<{ grades: string[]; primary_role: string; extra: Record<string, unknown> }>(
      `SELECT grades, primary_role, extra FROM people WHERE sourced_id = 's-ava'`,
    );
    // "9" is the CEDS grade 09, "STUDENT" the role student.
    expect(ava).toEqual({ grades: ['09'], primary_role: 'student', extra: { ext_lunch_status: 'free', 'metadata.homeLanguage': 'vi' } });
    const { rows } = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM person_roles pr JOIN people p ON p.id = pr.person_id WHERE p.sourced_id = 't-kim'`,
    );
    expect(rows[0]!.n).toBe(2);
  });

  it('optional columns left out of the header, or left empty', async () => {
    const r = await importFolder(t.db, exportFolder('v1p1-base', 'tolerate-minimal-columns'));
    expect(r.errors).toEqual([]);
    const c = await one<{ course_code: string | null; grades: string[]; school_year_id: string | null }>(
      `SELECT course_code, grades, school_year_id FROM courses WHERE sourced_id = 'crs-bio'`,
    );
    expect(c).toEqual({ course_code: null, grades: [], school_year_id: null });
    // Empty optional values in the base files: Ben has no email, the teachers no grades.
    expect((await one<{ email: string | null }>(`SELECT email FROM people WHERE sourced_id = 's-ben'`)).email).toBeNull();
  });

  it('never stores passwords from users.csv', async () => {
    const { rows } = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM people WHERE people::text LIKE '%secret1%'`);
    expect(rows[0]!.n).toBe(0);
  });
});
