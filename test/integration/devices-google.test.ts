import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../src/server/db/client';
import { migrate } from '../../src/server/db/migrate';
import type { GoogleDeviceImportReport } from '../../src/shared/api/device-imports';
import type { DeviceDetail } from '../../src/shared/api/devices';
import { createTestApp, signIn, type Client, type TestApp } from '../helpers/app';
import { runCli } from '../helpers/cli';
import { testEngine } from '../helpers/db';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/google-devices');
const fixture = (name: string) => fs.readFileSync(path.join(fixtures, name));

let t: TestApp;
const as: Record<string, Client> = {};

beforeAll(async () => {
  t = await createTestApp();
  for (const key of ['it', 'principalNorth', 'teacherTess', 'board']) as[key] = await signIn(t.app, `${key}@test.example.org`);
  // Two devices the district already has: one handed to Cal, one whose tag Google disagrees with.
  const db = t.testDb.db;
  const { rows } = await db.query<{ id: string }>(
    "INSERT INTO devices (district_id, serial, asset_tag, status) VALUES ($1, 'GGL-SN-002', 'RV-OLD-2', 'assigned') RETURNING id",
    [t.fixture.districtA],
  );
  await db.query(
    "INSERT INTO device_assignments (district_id, device_id, assignee_type, person_id, checked_out_by) VALUES ($1, $2, 'student', $3, 'test')",
    [t.fixture.districtA, rows[0]!.id, t.fixture.people.cal],
  );
  await db.query("INSERT INTO devices (district_id, serial, asset_tag) VALUES ($1, 'GGL-SN-003', 'RV-OTHER')", [t.fixture.districtA]);
});
afterAll(() => t.close());

const upload = (c: Client, body: string | Buffer, type: string, query = '') =>
  c.inject({ method: 'POST', url: `/api/devices/import/google${query}`, headers: { 'content-type': type }, payload: body });

interface Row {
  serial: string;
  asset_tag: string | null;
  status: string;
  model: string | null;
  category: string | null;
  location: string | null;
  org_unit_path: string | null;
  last_sync: Date | null;
  os_version: string | null;
  mac_address: string | null;
  annotated_user: string | null;
  aue_date: string | null;
}
async function devices(): Promise<Record<string, Row>> {
  const { rows } = await t.testDb.db.query<Row>(
    `SELECT d.serial, d.asset_tag, d.status, m.name AS model, m.category, d.location, d.org_unit_path, d.last_sync, d.os_version,
            d.mac_address, d.annotated_user, d.aue_date
       FROM devices d LEFT JOIN device_models m ON m.id = d.model_id WHERE d.district_id = $1 ORDER BY d.serial`,
    [t.fixture.districtA],
  );
  return Object.fromEntries(rows.map((r) => [r.serial, r]));
}
async function count(table: string) {
  const { rows } = await t.testDb.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE district_id = $1`, [
    t.fixture.districtA,
  ]);
  return rows[0]!.n;
}

// Counted from the export's newest sync (2025-01-10 in chromeosdevices.json), whatever day the test
// runs: 2024-05-01 is stale, January 2025 is not.
const staleDays = 30;

describe('Google Admin import of Chrome devices', () => {
  it('reads the Directory API list pages: creates, updates Google fields, flags stale devices and conflicts', async () => {
    const res = await upload(as.it!, fixture('chromeosdevices.json'), 'application/json', `?staleDays=${staleDays}&filename=google.json`);
    expect(res.statusCode).toBe(200);
    const report = res.json<GoogleDeviceImportReport>();
    expect(report).toMatchObject({
      status: 'ok',
      file: 'google.json',
      format: 'json',
      rows: 3,
      counts: { devices: { created: 1, updated: 2, unchanged: 0 }, models: { created: 2 } },
      errors: [],
    });
    expect(report.flags.stale).toEqual([{ serial: 'GGL-SN-002', assetTag: 'RV-OLD-2', lastSync: '2024-05-01T08:00:00.000Z' }]);
    expect(report.flags.conflicts).toEqual([
      {
        serial: 'GGL-SN-002',
        kind: 'annotated_user',
        detail: "Google's annotated user is ben@example.org but the device is assigned to Cal Castro (cal@example.org)",
      },
      {
        serial: 'GGL-SN-003',
        kind: 'asset_tag',
        detail: `Google's asset ID is "RV-G003" but the device's tag is "RV-OTHER": the tag was kept`,
      },
    ]);

    const d = await devices();
    expect(d['GGL-SN-001']).toMatchObject({
      asset_tag: 'RV-G001',
      status: 'in_stock',
      model: 'HP Chromebook 11 G9 EE',
      category: 'chromebook',
      location: 'North High library',
      org_unit_path: '/Students/North High',
      last_sync: new Date('2025-01-10T15:04:05.123Z'),
      os_version: '120.0.6099.235',
      mac_address: 'A1:B2:C3:D4:E5:F6',
      annotated_user: 'ana@example.org',
      aue_date: '2030-06-30', // epoch milliseconds
    });
    // autoUpdateThrough wins over autoUpdateExpiration; a checked-out device keeps its status and tag.
    expect(d['GGL-SN-002']).toMatchObject({
      asset_tag: 'RV-OLD-2',
      status: 'assigned',
      aue_date: '2029-06-30',
      annotated_user: 'ben@example.org',
    });
    // "0" is an unknown AUE; the disagreeing asset ID is not written.
    expect(d['GGL-SN-003']).toMatchObject({ asset_tag: 'RV-OTHER', aue_date: null, model: 'Lenovo 100e Chromebook Gen 3' });

    const found = (await as.it!.inject({ method: 'GET', url: '/api/devices?q=GGL-SN-002' })).json<{ items: { id: string }[] }>();
    const detail = (await as.it!.inject({ method: 'GET', url: `/api/devices/${found.items[0]!.id}` })).json<DeviceDetail>();
    expect(detail.history[0]).toMatchObject({ type: 'updated', details: { file: 'google.json', row: 2, source: 'google' } });
    expect(detail.history[0]!.details.changes).toMatchObject({ org_unit_path: { from: null, to: '/Students/North High' } });
    const { rows } = await t.testDb.db.query<{ details: Record<string, unknown> }>(
      "SELECT details FROM audit_log WHERE action = 'device.import_google' ORDER BY id",
    );
    expect(rows.at(-1)!.details).toMatchObject({ file: 'google.json', created: 1, updated: 2, unchanged: 0, conflicts: 2 });
  });

  it('changes nothing when the same file comes again, and says how old the export looks', async () => {
    const events = await count('device_events');
    const before = await devices();
    const report = (await upload(as.it!, fixture('chromeosdevices.json'), 'application/json')).json<GoogleDeviceImportReport>();
    expect(report.counts).toEqual({ devices: { created: 0, updated: 0, unchanged: 3 }, models: { created: 0 } });
    // The default 30 days, before the export's newest sync: not before today, which would call every device of an old file stale.
    expect(report.flags.stale.map((s) => s.serial)).toEqual(['GGL-SN-002']);
    const days = Math.floor((Date.now() - Date.parse('2025-01-10T15:04:05.123Z')) / 86_400_000);
    expect(report.warnings).toContainEqual(
      expect.stringContaining(
        ` is ${days} days old (2025-01-10): the export was probably taken then, so devices are called stale against that day. Download a fresh export for today's picture.`,
      ),
    );
    expect(await count('device_events')).toBe(events);
    expect(await devices()).toEqual(before);
  });

  it('reads the Admin console CSV export through its header spellings', async () => {
    const res = await upload(as.it!, fixture('console-export.csv'), 'text/csv', `?fileName=console-export.csv&staleDays=${staleDays}`);
    const report = res.json<GoogleDeviceImportReport>();
    expect(report).toMatchObject({ status: 'ok', format: 'csv', rows: 2, counts: { devices: { created: 1, updated: 1, unchanged: 0 } } });
    expect(report.flags).toEqual({ stale: [], conflicts: [] });
    const d = await devices();
    expect(d['GGL-SN-001']).toMatchObject({
      org_unit_path: '/Students/South Middle',
      os_version: '121.0.6167.172',
      aue_date: '2030-06-30',
    });
    expect(d['GGL-SN-004']).toMatchObject({
      asset_tag: 'RV-G004',
      model: 'Acer Chromebook 311',
      category: 'chromebook',
      last_sync: new Date('2025-01-05T14:30:00Z'),
      mac_address: 'A1:B2:C3:D4:E5:F9',
      aue_date: '2029-06-30', // "Jun 2029": updates run through the month
    });
  });

  it('refuses a file with a bad row, naming file, row and field, and changes nothing', async () => {
    const before = await devices();
    const events = await count('device_events');
    const bad = JSON.stringify({
      chromeosdevices: [
        { serialNumber: 'GGL-NEW-1', model: 'Brand New Chromebook' },
        { serialNumber: 'GGL-SN-001', lastSync: '2024-02-30T10:00:00Z' },
        { serialNumber: 'ggl-new-1', autoUpdateExpiration: 'soon' },
      ],
    });
    const report = (await upload(as.it!, bad, 'application/json', '?fileName=bad.json')).json<GoogleDeviceImportReport>();
    expect(report.status).toBe('error');
    expect(report.errors).toEqual([
      { file: 'bad.json', row: 2, column: 'lastSync', value: '2024-02-30T10:00:00Z', message: 'is not a real date' },
      {
        file: 'bad.json',
        row: 3,
        column: 'autoUpdateExpiration',
        value: 'soon',
        message: 'is not a date: use epoch milliseconds, YYYY-MM-DD or an ISO date-time',
      },
      { file: 'bad.json', row: 3, column: 'serialNumber', value: 'ggl-new-1', message: 'is also on row 1' },
    ]);
    const csv = (await upload(as.it!, 'Serial Number,AUE\nGGL-NEW-2,2029-13-01\n', 'text/csv', '?fileName=bad.csv')).json();
    expect(csv.errors).toEqual([{ file: 'bad.csv', row: 2, column: 'AUE', value: '2029-13-01', message: 'is not a real date' }]);
    expect(await devices()).toEqual(before);
    expect(await count('device_events')).toBe(events);
    expect(await count('device_models')).toBe(3);
  });

  it('flags an asset ID that is another device’s tag instead of moving it', async () => {
    const body = JSON.stringify([{ serialNumber: 'GGL-SN-005', annotatedAssetId: 'rv-g001' }]);
    const report = (await upload(as.it!, body, 'application/json')).json<GoogleDeviceImportReport>();
    expect(report.counts.devices.created).toBe(1);
    expect(report.flags.conflicts).toEqual([
      {
        serial: 'GGL-SN-005',
        kind: 'asset_tag',
        detail: `Google's asset ID "rv-g001" is already the tag of the device with serial GGL-SN-001: it was not set`,
      },
    ]);
    expect((await devices())['GGL-SN-005']!.asset_tag).toBeNull();
  });

  it('is only for those who manage devices', async () => {
    for (const key of ['teacherTess', 'principalNorth', 'board']) {
      expect((await upload(as[key]!, fixture('chromeosdevices.json'), 'application/json')).statusCode).toBe(403);
    }
    const broken = (await upload(as.it!, '{"chromeosdevices": [', 'application/json')).json<GoogleDeviceImportReport>();
    expect(broken.errors[0]!.message).toMatch(/^is not valid JSON/);
  });
});

describe('npx districtops import google-devices', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dops-google-cli-'));
  let env: Record<string, string>;
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  beforeAll(async () => {
    if (testEngine === 'postgres') {
      env = { DATABASE_URL: t.testDb.url! };
      return;
    }
    env = { DATA_DIR: path.join(tmp, 'data') };
    const db = await openDb({ dataDir: env.DATA_DIR });
    await migrate(db);
    await db.query("INSERT INTO districts (name, sourced_id) VALUES ('Riverside Unified', 'riverside')");
    await db.close();
  });

  it('prints the JSON report, and exits 1 naming the row and field when refused', async () => {
    const ok = await runCli(
      ['import', 'google-devices', path.join(fixtures, 'cli-devices.json'), '--json', '--district', 'riverside'],
      env,
    );
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({
      status: 'ok',
      file: 'cli-devices.json',
      counts: { devices: { created: 2, updated: 0, unchanged: 0 }, models: { created: 1 } },
      // Its one sync is the export's newest: nothing was stale when it was taken.
      flags: { stale: [], conflicts: [] },
      errors: [],
    });

    const bad = path.join(tmp, 'bad.json');
    fs.writeFileSync(bad, JSON.stringify([{ serialNumber: 'CLI-GGL-3' }, { serialNumber: 'CLI-GGL-4', lastSync: 'yesterday' }]));
    const refused = await runCli(['import', 'google-devices', bad, '--json', '--district', 'riverside', '--stale-days', '7'], env);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout)).toMatchObject({
      status: 'error',
      counts: { devices: { created: 0, updated: 0, unchanged: 0 } },
      errors: [{ file: 'bad.json', row: 2, column: 'lastSync', value: 'yesterday' }],
    });
    const again = await runCli(['import', 'google-devices', path.join(fixtures, 'cli-devices.json'), '--district', 'riverside'], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('0 created, 0 updated, 2 unchanged');
  });
});
