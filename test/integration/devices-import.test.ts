import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../src/server/db/client';
import { migrate } from '../../src/server/db/migrate';
import type { DeviceImportReport } from '../../src/shared/api/device-imports';
import type { DeviceDetail } from '../../src/shared/api/devices';
import { createTestApp, signIn, type Client, type TestApp } from '../helpers/app';
import { runCli } from '../helpers/cli';
import { testEngine } from '../helpers/db';

let t: TestApp;
const as: Record<string, Client> = {};

beforeAll(async () => {
  t = await createTestApp();
  for (const key of ['admin', 'it', 'principalNorth', 'teacherTess', 'adminB']) as[key] = await signIn(t.app, `${key}@test.example.org`);
});
afterAll(() => t.close());

const upload = (c: Client, csv: string | Buffer, fileName = 'devices.csv') =>
  c.inject({
    method: 'POST',
    url: `/api/devices/import?fileName=${encodeURIComponent(fileName)}`,
    headers: { 'content-type': 'text/csv' },
    payload: csv,
  });

async function countRows(table: string, districtId = t.fixture.districtA) {
  const { rows } = await t.testDb.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE district_id = $1`, [districtId]);
  return rows[0]!.n;
}

const inventory = [
  'Asset Tag,Serial Number,Model,Manufacturer,School,Room,Purchase Date,Cost,Funding Source,Warranty Expiration,Status,custom:Insurance,Color',
  'RV-0001,5CD1234AB,Chromebook 3100,Dell,North High,Library,8/15/2022,"$1,249.00",ESSER III,2025-08-15,In Stock,yes,grey',
  'RV-0002,5CD1234AC,Chromebook 3100,Dell,north,,2022-08-15,279,General Fund,,,,blue',
  'rv-0003,5CD1234AD,iPad 9th gen,Apple,South Middle,Cart 2,,,,,Repair,no,',
].join('\n');

describe('CSV import of devices', () => {
  it('reads a district spreadsheet through the header aliases and creates devices and models', async () => {
    const res = await upload(as.it!, inventory, 'inventory-2024.csv');
    expect(res.statusCode).toBe(200);
    const report = res.json<DeviceImportReport>();
    expect(report).toMatchObject({
      status: 'ok',
      file: 'inventory-2024.csv',
      rows: 3,
      counts: { devices: { created: 3, updated: 0, unchanged: 0 }, models: { created: 2 } },
      errors: [],
    });
    expect(report.warnings).toEqual(['Column "Color" is not imported: it is not a device field (name it "custom:Color" to keep it)']);

    const list = (await as.it!.inject({ method: 'GET', url: '/api/devices?q=5CD1234' })).json<{
      items: { id: string; serial: string }[];
    }>();
    expect(list.items.map((d) => d.serial)).toEqual(['5CD1234AB', '5CD1234AC', '5CD1234AD']);
    const first = (await as.it!.inject({ method: 'GET', url: `/api/devices/${list.items[0]!.id}` })).json();
    expect(first).toMatchObject({
      assetTag: 'RV-0001',
      modelName: 'Chromebook 3100',
      manufacturer: 'Dell',
      category: 'chromebook',
      schoolName: 'North High',
      location: 'Library',
      purchaseDate: '2022-08-15',
      cost: '1249.00',
      fundingSource: 'esser',
      warrantyEnd: '2025-08-15',
      status: 'in_stock',
      customFields: { Insurance: 'yes' },
    });
    expect(first.history[0]).toMatchObject({ type: 'imported', toStatus: 'in_stock', details: { file: 'inventory-2024.csv', row: 2 } });
    const ipad = (await as.it!.inject({ method: 'GET', url: `/api/devices/${list.items[2]!.id}` })).json();
    expect(ipad).toMatchObject({ assetTag: 'rv-0003', category: 'tablet', status: 'in_repair', schoolName: 'South Middle' });
    const { rows } = await t.testDb.db.query<{ details: Record<string, unknown> }>(
      "SELECT details FROM audit_log WHERE action = 'device.import' ORDER BY id",
    );
    expect(rows.at(-1)!.details).toMatchObject({ file: 'inventory-2024.csv', rows: 3, created: 3, updated: 0, unchanged: 0 });
  });

  it('re-imports the same file without writing anything, and updates only what changed', async () => {
    const events = await countRows('device_events');
    const same = (await upload(as.it!, inventory)).json();
    expect(same.counts).toEqual({ devices: { created: 0, updated: 0, unchanged: 3 }, models: { created: 0 } });
    expect(await countRows('device_events')).toBe(events);

    // Empty cells leave values alone; a changed room and a new status are recorded in the device's history.
    const changed = ['Serial,Location,Status,Notes', '5CD1234AB,Room 101,,', '5CD1234AC,,Lost,left on bus', '5CD1234AD,,,'].join('\r\n');
    const report = (await upload(as.it!, changed, 'update.csv')).json();
    expect(report.counts.devices).toEqual({ created: 0, updated: 2, unchanged: 1 });
    const found = (await as.it!.inject({ method: 'GET', url: '/api/devices?q=5CD1234AC' })).json<{ items: { id: string }[] }>();
    const lost = (await as.it!.inject({ method: 'GET', url: `/api/devices/${found.items[0]!.id}` })).json<DeviceDetail>();
    expect(lost).toMatchObject({ status: 'lost', notes: 'left on bus', location: null, cost: '279.00', schoolName: 'North High' });
    expect(
      lost.history
        .slice(0, 2)
        .map((e) => e.type)
        .sort(),
    ).toEqual(['status_changed', 'updated']);
    expect(lost.history.find((e) => e.type === 'updated')!.details.changes).toEqual({
      notes: { from: null, to: 'left on bus' },
    });
  });

  it('refuses a bad file naming file, row, column and value, and changes nothing at all', async () => {
    const devices = await countRows('devices');
    const models = await countRows('device_models');
    const bad = [
      'Tag,Serial,Model,School,Purchased,Cost,Funding,Status,MAC',
      'NEW-1,NEWSERIAL1,Brand New Model,North High,2024-02-30,12,Bond,In stock,',
      'NEW-2,NEWSERIAL2,,Nowhere Elementary,,abc,Title I,,zz:zz',
      'NEW-3,newserial1,,,,,,Assigned,',
      'RV-0001,NEWSERIAL4,,,,,,,',
      'NEW-5,,,,,,,,',
      'NEW-6,5CD1234AD,,,,,,E-waste,',
    ].join('\n');
    const res = await upload(as.it!, bad, 'bad.csv');
    expect(res.statusCode).toBe(200);
    const report = res.json<DeviceImportReport>();
    expect(report.status).toBe('error');
    expect(report.counts.devices).toEqual({ created: 0, updated: 0, unchanged: 0 });
    const errors = report.errors.map((e) => [e.row, e.column, e.value, e.message]);
    expect(errors).toEqual([
      [2, 'Purchased', '2024-02-30', 'is not a real date'],
      [3, 'Cost', 'abc', 'is not an amount: use a number like 249.99'],
      [3, 'Funding', 'Title I', 'is not a funding source: use General Fund, ESSER, E-Rate, Grant, Bond or Other'],
      [3, 'MAC', 'zz:zz', 'is not a MAC address (12 hexadecimal digits)'],
      [3, 'School', 'Nowhere Elementary', 'is not a school of this district (use its name, sourcedId or identifier)'],
      [4, 'Status', 'Assigned', 'cannot be imported: a device becomes assigned by checking it out, which records who has it'],
      [4, 'Serial', 'newserial1', 'is also on row 2'],
      [5, 'Tag', 'RV-0001', 'is already the tag of the device with serial 5CD1234AB'],
      [6, 'Serial', '', 'is required: devices are matched by serial'],
      [7, 'Status', 'E-waste', 'cannot move the device from in repair to e-waste: retire the device before sending it to e-waste'],
    ]);
    expect(report.errors.every((e) => e.file === 'bad.csv')).toBe(true);
    expect(await countRows('devices')).toBe(devices);
    expect(await countRows('device_models')).toBe(models);
  });

  it('refuses a file without a serial column, one that is not UTF-8, and an empty one', async () => {
    const noSerial = (await upload(as.it!, 'Asset Tag,Model\nX-1,Foo\n')).json();
    expect(noSerial.errors).toEqual([
      {
        file: 'devices.csv',
        row: 1,
        column: null,
        value: null,
        message: 'has no serial number column (Serial, Serial Number, …): devices are matched by serial',
      },
    ]);
    const twice = (await upload(as.it!, 'Serial,Serial Number\nA,B\n')).json();
    expect(twice.errors[0]).toMatchObject({ row: 1, column: 'Serial Number', message: 'holds the same field as column "Serial"' });
    const latin1 = Buffer.concat([Buffer.from('Serial,Notes\nLAT-1,'), Buffer.from([0xe9, 0x0a])]);
    const notUtf8 = (await upload(as.it!, latin1)).json();
    expect(notUtf8.status).toBe('error');
    expect(notUtf8.errors[0].message).toContain('is not UTF-8 text');
    expect(notUtf8.errors[0].row).toBe(2);
    expect((await upload(as.it!, '')).json().errors[0].message).toBe('is empty: it needs a header row and a row per device');
  });

  it('checks custom columns against the category’s custom fields: their keys and types, required ones, by row and column', async () => {
    const fields = [
      { key: 'carrier', label: 'Carrier', type: 'text', required: true },
      { key: 'monthly_cost', label: 'Monthly cost', type: 'number' },
      { key: 'contract_end', label: 'Contract end', type: 'date' },
      { key: 'insured', label: 'Insured', type: 'boolean' },
    ];
    const put = await as.it!.inject({ method: 'PUT', url: '/api/devices/custom-fields/hotspot', payload: { fields } });
    expect(put.statusCode).toBe(200);

    // By label or key, in any case; each cell as its field's type, stored under the field's key.
    const good = [
      'Serial,Model,Category,custom:carrier,custom:Monthly Cost,custom:Contract end,custom:insured',
      'HS-1001,MiFi 8000,Hotspot,Verizon,"1,250.50",6/30/2027,Yes',
      'HS-1002,MiFi 8000,Hotspot,T-Mobile,12,2027-06-30,no',
    ].join('\n');
    const ok = (await upload(as.it!, good, 'hotspots.csv')).json<DeviceImportReport>();
    expect(ok).toMatchObject({ status: 'ok', errors: [], counts: { devices: { created: 2 } } });
    const found = (await as.it!.inject({ method: 'GET', url: '/api/devices?q=HS-100' })).json<{ items: { id: string }[] }>();
    const first = (await as.it!.inject({ method: 'GET', url: `/api/devices/${found.items[0]!.id}` })).json<DeviceDetail>();
    expect(first).toMatchObject({
      category: 'hotspot',
      customFields: { carrier: 'Verizon', monthly_cost: 1250.5, contract_end: '2027-06-30', insured: true },
    });
    // The device form's own check accepts what the import stored (a string "1250.50" would be refused there).
    const edit = await as.it!.inject({ method: 'PATCH', url: `/api/devices/${first.id}`, payload: { notes: 'in the van' } });
    expect(edit.statusCode).toBe(200);

    // Exported and imported back: nothing changes.
    const exported = (await as.it!.inject({ method: 'GET', url: '/api/devices/export?format=csv&q=HS-100' })).body;
    expect(exported.split('\n')[0]).toContain('custom:carrier');
    const again = (await upload(as.it!, exported, 'export.csv')).json<DeviceImportReport>();
    expect(again).toMatchObject({ status: 'ok', counts: { devices: { created: 0, updated: 0, unchanged: 2 } } });

    const devices = await countRows('devices');
    const bad = [
      'Serial,Model,Category,custom:Carrier,custom:Monthly cost,custom:Colour,custom:Insured',
      'HS-1003,MiFi 8000,Hotspot,,twelve,red,maybe',
      // A category without custom fields keeps any column as text under its name.
      'LT-1,Latitude 3140,Laptop,,,red,',
      'HS-1001,,,,,,',
    ].join('\n');
    const refused = (await upload(as.it!, bad, 'bad-hotspots.csv')).json<DeviceImportReport>();
    expect(refused.status).toBe('error');
    expect(refused.errors.map((e) => [e.row, e.column, e.value, e.message])).toEqual([
      [2, 'custom:Monthly cost', 'twelve', 'is not a number'],
      [2, 'custom:Colour', 'red', 'is not a custom field of Hotspot devices (they have: Carrier, Monthly cost, Contract end, Insured)'],
      [2, 'custom:Insured', 'maybe', 'is not yes or no (Yes, No, True, False, 1, 0)'],
      [2, null, null, 'Carrier is required for Hotspot devices: add a "custom:Carrier" column'],
    ]);
    expect(await countRows('devices')).toBe(devices);
  });

  it('imports only into the caller’s district, and only for those who manage devices', async () => {
    const res = (await upload(as.adminB!, 'Serial,Tag\n5CD1234AB,RV-0001\n')).json();
    expect(res.counts.devices.created).toBe(1); // the same serial is a different device in another district
    expect(await countRows('devices', t.fixture.districtB)).toBe(1);
    for (const key of ['principalNorth', 'teacherTess']) expect((await upload(as[key]!, 'Serial\nX\n')).statusCode).toBe(403);
    const json = await as.it!.inject({ method: 'POST', url: '/api/devices/import', payload: { serial: 'x' } });
    expect(json.statusCode).toBe(400);
  });
});

describe('npx districtops import devices', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dops-devices-cli-'));
  let env: Record<string, string>;
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  beforeAll(async () => {
    // The CLI opens its own database: the test PostgreSQL database, or an embedded one in a data directory.
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

  it('imports a file, prints a JSON report, and exits 1 with the errors when refused', async () => {
    const good = path.join(tmp, 'good.csv');
    fs.writeFileSync(good, 'Serial Number,Asset Tag,Type,Model\nCLI-SN-1,CLI-1,Laptop,Latitude 3140\nCLI-SN-2,CLI-2,,Latitude 3140\n');
    const ok = await runCli(['import', 'devices', good, '--json', '--district', 'riverside'], env);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({
      status: 'ok',
      file: 'good.csv',
      counts: { devices: { created: 2, updated: 0, unchanged: 0 }, models: { created: 1 } },
    });
    const again = await runCli(['import', 'devices', good, '--district', 'riverside'], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/Riverside Unified: imported 2 rows of good\.csv in [\d.]+ s: 0 created, 0 updated, 2 unchanged/);

    const bad = path.join(tmp, 'bad.csv');
    fs.writeFileSync(bad, 'Serial,Warranty\nCLI-SN-3,next year\n');
    const refused = await runCli(['import', 'devices', bad, '--district', 'riverside'], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Refused: nothing was changed. 1 error:');
    expect(refused.stderr).toContain('bad.csv, row 2, column Warranty: "next year" is not a date: use YYYY-MM-DD (or MM/DD/YYYY)');
    const missing = await runCli(['import', 'devices', path.join(tmp, 'nope.csv')], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe(`${path.join(tmp, 'nope.csv')}: no such file`);
  });
});
