import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../../test/helpers/db';
import { seedFixture } from '../../../test/helpers/fixture';
import { seedDemoDistrict } from '../modules/demo/seed-demo';
import { writeAudit } from '../platform/audit';
import { backupDatabase, restoreDatabase, tablesInDependencyOrder } from './backup';
import type { Db } from './client';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dops-backup-'));
let source: TestDb;
const file = path.join(tmp, 'district.backup');

/** Every row of every table, as JSON text in primary-key order: two databases are equal when these are. */
async function contents(db: Db) {
  const out: Record<string, string[]> = {};
  for (const t of await tablesInDependencyOrder(db)) {
    const order = t.pk.length > 0 ? t.pk.map((c) => `"${c}"`).join(', ') : 'r';
    const { rows } = await db.query<{ r: string }>(`SELECT row_to_json(x)::text AS r FROM "${t.name}" x ORDER BY ${order}`);
    out[t.name] = rows.map((r) => r.r);
  }
  return out;
}

beforeAll(async () => {
  source = await createTestDb();
  await seedFixture(source.db);
  await seedDemoDistrict(source.db, { students: 300 });
  await writeAudit(source.db, { districtId: null, actor: null, action: 'test.entry' });
  await source.db.query("INSERT INTO jobs (queue, payload) VALUES ('q', '{\"a\": [1, 2]}')");
  // A table without a primary key (raw check results) is backed up too.
  const district = (await source.db.query<{ id: string }>('SELECT id FROM districts LIMIT 1')).rows[0]!.id;
  await source.db.query(
    "INSERT INTO systems (district_id, id, name, category, tier, audience) VALUES ($1, 'sso', 'SSO', 'identity', 1, 'staff')",
    [district],
  );
  const check = await source.db.query<{ id: string }>(
    "INSERT INTO system_checks (district_id, system_id, key, type, interval_ms, spec) VALUES ($1, 'sso', 'http', 'http', 60000, '{}') RETURNING id",
    [district],
  );
  await source.db.query(
    'INSERT INTO check_results (district_id, check_id, at, ok, latency_ms) SELECT $1, $2, now() - make_interval(secs => g), g % 7 <> 0, g FROM generate_series(1, 2500) g',
    [district, check.rows[0]!.id],
  );
});
afterAll(async () => {
  await source.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('restores every row into an empty database', async () => {
    const backup = await backupDatabase(source.db, file);
    expect(backup.tables.people).toBeGreaterThan(50);
    const target = await createTestDb();
    try {
      const restored = await restoreDatabase(target.db, file);
      expect(restored.tables).toEqual(backup.tables);
      expect(await contents(target.db)).toEqual(await contents(source.db));
      // The audit log's id sequence continues after the restored rows.
      await writeAudit(target.db, { districtId: null, actor: null, action: 'after.restore' });
      const { rows } = await target.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = 'after.restore'");
      expect(rows[0]!.n).toBe(1);
    } finally {
      await target.close();
    }
  });

  it('refuses to restore over a database that already holds a district', async () => {
    await expect(restoreDatabase(source.db, file)).rejects.toThrow(/empty database/);
  });

  it('restores nothing from a truncated file', async () => {
    const whole = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').split('\n');
    const cut = path.join(tmp, 'cut.backup');
    fs.writeFileSync(cut, zlib.gzipSync(whole.slice(0, Math.floor(whole.length / 2)).join('\n')));
    const target = await createTestDb();
    try {
      await expect(restoreDatabase(target.db, cut)).rejects.toThrow(/incomplete/);
      const { rows } = await target.db.query<{ n: number }>('SELECT (SELECT count(*) FROM districts) + (SELECT count(*) FROM people) AS n');
      expect(rows[0]!.n).toBe(0);
    } finally {
      await target.close();
    }
  });

  it('refuses a file that is not a backup', async () => {
    const bogus = path.join(tmp, 'bogus.backup');
    fs.writeFileSync(bogus, zlib.gzipSync('{"hello":"world"}\n'));
    const target = await createTestDb();
    try {
      await expect(restoreDatabase(target.db, bogus)).rejects.toThrow(/not a DistrictOps backup/);
    } finally {
      await target.close();
    }
  });
});
