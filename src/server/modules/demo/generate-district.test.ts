import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../../test/helpers/cli';
import { createTestDb, type TestDb } from '../../../../test/helpers/db';
import { importFolder, removeExports } from '../rostering/test-support';
import { generateDistrict } from './generate-district';
import { describeDemoSignIn, seedDemoDistrict } from './seed-demo';

afterAll(removeExports);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dops-generate-'));
let t: TestDb;
let written: Record<string, number>;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

function hashes(dir: string): Record<string, string> {
  return Object.fromEntries(
    fs.readdirSync(dir).map((f) => [
      f,
      createHash('sha256')
        .update(fs.readFileSync(path.join(dir, f)))
        .digest('hex'),
    ]),
  );
}
const one = async <T>(sql: string) => (await t.db.query<T>(sql)).rows[0]!;

describe('the demo district generator', () => {
  it('writes the same files for the same seed, and another district for another seed', () => {
    const a = generateDistrict({ students: 300, seed: 7, outDir: path.join(tmp, 'a') });
    written = a.rows;
    generateDistrict({ students: 300, seed: 7, outDir: path.join(tmp, 'b') });
    generateDistrict({ students: 300, seed: 8, outDir: path.join(tmp, 'c') });
    expect(hashes(path.join(tmp, 'a'))).toEqual(hashes(path.join(tmp, 'b')));
    expect(hashes(path.join(tmp, 'c'))['users.csv']).not.toBe(hashes(path.join(tmp, 'a'))['users.csv']);
    expect(a.rows['demographics.csv']).toBe(300);
    // About ten enrollments a student, as a district's schedules give.
    expect(a.rows['enrollments.csv']! / 300).toBeGreaterThan(8);
  });

  it('makes a district that imports cleanly and looks like a real one', async () => {
    const r = await importFolder(t.db, path.join(tmp, 'a'));
    expect(r.errors).toEqual([]);
    expect(r.counts.users!.created).toBe(written['users.csv']);
    expect(r.counts.enrollments!.created).toBe(written['enrollments.csv']);
    const levels = await t.db.query<{ level: string; n: number }>(
      `SELECT level, count(*)::int AS n FROM schools GROUP BY level ORDER BY level`,
    );
    expect(levels.rows.map((l) => l.level)).toEqual(['elementary', 'high', 'middle']);
    const untaught = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM classes c WHERE NOT EXISTS (SELECT 1 FROM enrollments e WHERE e.class_id = c.id AND e.role = 'teacher')`,
    );
    expect(untaught.n).toBe(0);
    const orphans = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM people p WHERE p.primary_role = 'student' AND NOT EXISTS (SELECT 1 FROM guardian_links g WHERE g.student_id = p.id)`,
    );
    expect(orphans.n).toBe(0);
    const siblings = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM (SELECT guardian_id FROM guardian_links GROUP BY 1 HAVING count(*) > 1) x`,
    );
    expect(siblings.n).toBeGreaterThan(10);
    // Kindergarteners are five or six on 1 September 2026.
    const ages = await one<{ lo: number; hi: number }>(
      `SELECT min(date_part('year', age('2026-09-01', birth_date)))::int AS lo, max(date_part('year', age('2026-09-01', birth_date)))::int AS hi
         FROM people WHERE grades = '{KG}'`,
    );
    expect([ages.lo, ages.hi]).toEqual([5, 5]);
    const names = await one<{ families: number; duplicates: number }>(
      `SELECT count(DISTINCT family_name)::int AS families,
              (SELECT count(*)::int FROM (SELECT email FROM people WHERE email IS NOT NULL GROUP BY email HAVING count(*) > 1) d) AS duplicates
         FROM people`,
    );
    expect(names.families).toBeGreaterThan(40);
    expect(names.duplicates).toBe(0);
  });

  it('writes OneRoster 1.2 with roles.csv, which imports as the same district', async () => {
    generateDistrict({ students: 300, seed: 7, version: '1.2', outDir: path.join(tmp, 'v12') });
    expect(fs.existsSync(path.join(tmp, 'v12', 'roles.csv'))).toBe(true);
    const r = await importFolder(t.db, path.join(tmp, 'v12'));
    expect(r.errors).toEqual([]);
    // Same people, same classes: only what 1.2 says differently changes (staff roles, preferred names).
    expect(r.counts.enrollments).toMatchObject({ created: 0, updated: 0, deactivated: 0 });
    expect(r.counts.users!.created).toBe(0);
  });

  it('seeds the demo district through the import, with a sign-in account per role', async () => {
    const demo = await seedDemoDistrict(t.db, { students: 120 });
    expect(demo.accounts.map((a) => a.role)).toEqual([
      'district_admin',
      'it_staff',
      'privacy_officer',
      'instructional_coach',
      'board',
      'principal',
      'teacher',
      'guardian',
      'student',
    ]);
    const linked = await t.db.query<{ role: string; person_role: string; children: number }>(
      `SELECT ar.role, p.primary_role AS person_role, (SELECT count(*)::int FROM guardian_links g WHERE g.guardian_id = p.id) AS children
         FROM accounts a JOIN account_roles ar ON ar.account_id = a.id JOIN people p ON p.id = a.person_id
        WHERE a.district_id = $1 ORDER BY ar.role`,
      [demo.districtId],
    );
    expect(linked.rows.map((r) => r.role)).toEqual(['guardian', 'student', 'teacher']);
    expect(linked.rows.find((r) => r.role === 'guardian')!.children).toBeGreaterThanOrEqual(2);
    expect(describeDemoSignIn(demo, 'http://127.0.0.1:3000')).toMatch(
      /principal@lakeside\.example\.org\s+Principal of Lakeside High School/,
    );
    const { rows } = await t.db.query<{ sourced_id: string; state_code: string }>(
      `SELECT sourced_id, state_code FROM districts WHERE id = $1`,
      [demo.districtId],
    );
    expect(rows[0]).toEqual({ sourced_id: 'district-lakeside', state_code: 'MN' });
  });

  it('is there on the command line: demo --students N --seed S --out FOLDER', async () => {
    const out = path.join(tmp, 'cli');
    const res = await runCli(['demo', '--students', '60', '--seed', '3', '--out', out], {});
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/demographics\.csv\s+60 rows/);
    expect(fs.readFileSync(path.join(out, 'manifest.csv'), 'utf8')).toContain('oneroster.version,1.1');
  });
});
