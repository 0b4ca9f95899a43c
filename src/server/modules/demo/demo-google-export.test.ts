import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../../../test/helpers/db';
import { cliAuthor } from '../devices/device-author';
import { importGoogleDevices } from '../devices/google/import-google-devices';
import { buildGoogleExample, EXAMPLE_FILE, EXAMPLE_NOW, seedExampleDemo } from './demo-google-export';

let t: TestDb;
let districtId: string;

beforeAll(async () => {
  t = await createTestDb();
  ({ districtId } = await seedExampleDemo(t.db));
}, 300_000);
afterAll(async () => {
  await t?.close();
});

const rows = async <T>(sql: string, more: unknown[] = []) => (await t.db.query<T>(sql, [districtId, ...more])).rows;

describe('the demo’s Google Admin data and the example export', () => {
  it('gives the Chromebooks Google’s fields: organisational units, recent syncs, ChromeOS, MACs, the student as annotated user', async () => {
    const [g] = await rows<{
      chromebooks: number;
      with_fields: number;
      recent: number;
      weeks_old: number;
      student_users: number;
      students: number;
    }>(
      `SELECT count(*)::int AS chromebooks,
              count(*) FILTER (WHERE d.org_unit_path IS NOT NULL AND d.os_version ~ '^\\d+\\.0\\.\\d+\\.\\d+$'
                                 AND d.mac_address ~ '^([0-9A-F]{2}:){5}[0-9A-F]{2}$')::int AS with_fields,
              count(*) FILTER (WHERE d.status = 'assigned' AND d.last_sync > $2::timestamptz - interval '3 days')::int AS recent,
              count(*) FILTER (WHERE d.status = 'assigned' AND d.last_sync < $2::timestamptz - interval '7 days')::int AS weeks_old,
              count(*) FILTER (WHERE a.assignee_type = 'student' AND d.annotated_user = p.email
                                 AND d.org_unit_path LIKE '/Students/' || s.name || '/%')::int AS student_users,
              count(*) FILTER (WHERE a.assignee_type = 'student')::int AS students
         FROM devices d JOIN device_models m ON m.id = d.model_id AND m.category = 'chromebook'
         LEFT JOIN schools s ON s.id = d.school_id
         LEFT JOIN device_assignments a ON a.device_id = d.id AND a.checked_in_at IS NULL AND a.kind = 'assigned'
         LEFT JOIN people p ON p.id = a.person_id
        WHERE d.district_id = $1`,
      [new Date(EXAMPLE_NOW).toISOString()],
    );
    expect(g!.with_fields).toBe(g!.chromebooks);
    expect(g!.student_users).toBe(g!.students);
    expect(g!.recent / g!.students).toBeGreaterThan(0.75);
    expect(g!.weeks_old).toBeGreaterThan(0);
    const [laptops] = await rows<{ n: number }>(
      `SELECT count(*)::int AS n FROM devices d JOIN device_models m ON m.id = d.model_id
        WHERE d.district_id = $1 AND m.category <> 'chromebook' AND d.org_unit_path IS NOT NULL`,
    );
    expect(laptops!.n).toBe(0);
  });

  it(`is ${EXAMPLE_FILE}, as the seed-1 demo gives it (node scripts/demo-google-export.js rewrites it)`, async () => {
    const file = fs.readFileSync(path.resolve(import.meta.dirname, '../../../..', EXAMPLE_FILE), 'utf8');
    expect(await buildGoogleExample(t.db, districtId)).toBe(file);
    expect(file.trim().split('\n')).toHaveLength(41);
  });

  it('imports into the demo: five new Chromebooks, a few stale, two annotated users that disagree', async () => {
    const content = fs.readFileSync(path.resolve(import.meta.dirname, '../../../..', EXAMPLE_FILE));
    const report = await importGoogleDevices({
      db: t.db,
      author: cliAuthor(districtId, 'it@lakeside.example.org'),
      fileName: 'google-devices.csv',
      content,
      now: new Date(EXAMPLE_NOW + 60 * 60_000),
    });
    expect(report.errors).toEqual([]);
    expect(report.status).toBe('ok');
    expect(report.rows).toBe(40);
    expect(report.counts.devices.created).toBe(5);
    expect(report.counts.models.created).toBe(0);
    expect(report.counts.devices.unchanged).toBeGreaterThan(report.counts.devices.updated);
    expect(report.counts.devices.updated).toBeGreaterThan(0);
    expect(report.flags.stale.length).toBeGreaterThanOrEqual(3);
    expect(report.flags.stale.every((s) => Date.parse(s.lastSync) < EXAMPLE_NOW - 60 * 86_400_000)).toBe(true);
    expect(report.flags.conflicts).toHaveLength(2);
    expect(report.flags.conflicts.every((c) => c.kind === 'annotated_user')).toBe(true);
    expect(report.warnings).toEqual([]);
  });

  it('flags the same devices stale when tried months later, and says how old the file is', async () => {
    const content = fs.readFileSync(path.resolve(import.meta.dirname, '../../../..', EXAMPLE_FILE));
    const at = (now: number) =>
      importGoogleDevices({
        db: t.db,
        author: cliAuthor(districtId, 'it@lakeside.example.org'),
        fileName: 'google-devices.csv',
        content,
        now: new Date(now),
      });
    const fresh = await at(EXAMPLE_NOW + 60 * 60_000);
    const later = await at(EXAMPLE_NOW + 120 * 86_400_000);
    expect(later.flags.stale).toEqual(fresh.flags.stale);
    expect(later.warnings).toHaveLength(1);
    expect(later.warnings[0]).toMatch(/^The newest sync in google-devices.csv is 1(19|20) days old \(2026-12-0\d\)/);
  });
});
