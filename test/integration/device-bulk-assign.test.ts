import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../src/server/db/client';
import { migrate } from '../../src/server/db/migrate';
import type { BulkAssignReport } from '../../src/shared/api/device-bulk-assign';
import type { DeviceDetail } from '../../src/shared/api/devices';
import { createTestApp, signIn, type Client, type TestApp } from '../helpers/app';
import { runCli } from '../helpers/cli';
import { testEngine } from '../helpers/db';

let t: TestApp;
const as: Record<string, Client> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  for (const key of ['it', 'principalNorth', 'teacherTess', 'studentAna', 'adminB'])
    as[key] = await signIn(t.app, `${key}@test.example.org`);
  for (const n of [1, 2, 3, 4, 5, 6, 7, 8]) {
    const res = await as.it!.inject({ method: 'POST', url: '/api/devices', payload: { assetTag: `BA-${n}`, serial: `SER-${n}` } });
    ids[`BA-${n}`] = res.json<{ id: string }>().id;
  }
  // BA-8 is out already; Ben owes a fee.
  await as.it!.inject({
    method: 'POST',
    url: `/api/devices/${ids['BA-8']}/checkout`,
    payload: { assignee: { type: 'room', label: 'Room 101' } },
  });
  await as.it!.inject({
    method: 'POST',
    url: '/api/devices/holds',
    payload: { personId: t.fixture.people.ben, reason: 'Unpaid repair fee', amount: 45 },
  });
});
afterAll(() => t.close());

const upload = (c: Client, csv: string, fileName = 'assign.csv') =>
  c.inject({
    method: 'POST',
    url: `/api/devices/assignments/import?fileName=${encodeURIComponent(fileName)}`,
    headers: { 'content-type': 'text/csv' },
    payload: csv,
  });
const device = async (tag: string) => (await as.it!.inject({ method: 'GET', url: `/api/devices/${ids[tag]}` })).json<DeviceDetail>();
async function openAssignments() {
  const { rows } = await t.testDb.db.query<{ n: number }>('SELECT count(*)::int AS n FROM device_assignments WHERE checked_in_at IS NULL');
  return rows[0]!.n;
}

describe('bulk assignment from CSV', () => {
  it('refuses a file with any bad row, naming file, row, column and value, and changes nothing', async () => {
    const before = await openAssignments();
    const bad = [
      'Asset Tag,Student ID,Assignee Type,Condition,Accessories,Due Date,Hold Override Reason',
      'BA-1,ID-ana,Student,good,charger,2027-06-04,', // fine on its own
      'NOPE-1,ID-ana,,,,,',
      'BA-8,ID-cal,,,,,',
      'BA-2,ID-cal,Staff,,,,',
      'BA-3,ID-ben,,,,,',
      'ba-2,ID-dee,,,,,',
      'BA-4,ID-dee,,shiny,,2027-02-30,',
      'BA-5,ghost@nowhere.example,,,,,',
      'BA-6,gia@example.org,,,,,',
      'BA-7,,Bus,,,,',
      ',ID-dee,,,,,',
    ].join('\n');
    const res = await upload(as.it!, bad, 'august.csv');
    expect(res.statusCode).toBe(200);
    const report = res.json<BulkAssignReport>();
    expect(report).toMatchObject({ status: 'error', file: 'august.csv', rows: 11, counts: { assigned: 0 } });
    expect(report.errors.map((e) => [e.row, e.column, e.value, e.message])).toEqual([
      [3, 'Asset Tag', 'NOPE-1', 'is not a device of this district (no such asset tag or serial)'],
      [4, 'Asset Tag', 'BA-8', 'cannot be checked out: the device is already checked out: check it in first'],
      [5, 'Student ID', 'ID-cal', 'is Cal Castro, a student in the roster, not a staff member'],
      [
        6,
        'Student ID',
        'ID-ben',
        'is Ben Brooks, who has a hold on new devices (Unpaid repair fee): give a Hold Override Reason to issue anyway',
      ],
      [7, 'Asset Tag', 'ba-2', 'is also on row 5'],
      [8, 'Condition', 'shiny', 'is not a condition: use new, good, fair, poor, damaged'],
      [8, 'Due Date', '2027-02-30', 'is not a real date'],
      [
        9,
        'Student ID',
        'ghost@nowhere.example',
        'is not a student or staff member of this district (for a cart or room, set the Assignee Type column)',
      ],
      [10, 'Student ID', 'gia@example.org', 'is Gia Alvarez, a guardian in the roster, not a student'],
      [11, 'Assignee Type', 'Bus', 'is not an assignee type: use Student, Staff, Cart or Room'],
      [11, 'Student ID', '', 'is required: who or where gets the device'],
      [12, 'Asset Tag', '', 'is required: which device (asset tag or serial)'],
    ]);
    expect(report.errors.every((e) => e.file === 'august.csv')).toBe(true);
    expect(await openAssignments()).toBe(before);
    expect((await device('BA-1')).status).toBe('in_stock');
  });

  it('checks out to students, staff, carts and rooms, by tag or serial, overriding a hold only with a reason', async () => {
    const good = [
      'Tag,Serial,Assigned To,Type,Condition,Accessories,Due,Override Reason,Notes,Locker',
      'BA-1,,ID-ana,student,Good,"charger; case",6/4/2027,,,12',
      ',ser-2,tom@example.org,,,,,,,',
      'BA-3,,Library Cart 2,Cart,new,charger,,,,',
      'BA-4,,ID-ben,,fair,,,payment plan agreed,Issued at front desk,',
      'BA-5,,Room 204,room,,,,,,',
    ].join('\r\n');
    const res = await upload(as.it!, good);
    const report = res.json<BulkAssignReport>();
    expect(report).toMatchObject({
      status: 'ok',
      rows: 5,
      counts: { assigned: 5, byType: { student: 2, staff: 1, cart: 1, room: 1 }, holdsOverridden: 1 },
      errors: [],
    });
    expect(report.warnings).toEqual([
      'Column "Locker" is not read: it is not an assignment field',
      '2 students have no signed use agreement on file',
    ]);

    const ana = await device('BA-1');
    expect(ana).toMatchObject({ status: 'assigned', assignee: { type: 'student', name: 'Ana Alvarez' } });
    expect(ana.currentAssignment).toMatchObject({ accessories: ['charger', 'case'], conditionOut: 'good', dueOn: '2027-06-04' });
    expect(ana.history[0]).toMatchObject({ type: 'checked_out', personName: 'Ana Alvarez' });
    expect((await device('BA-2')).assignee).toMatchObject({ type: 'staff', name: 'Tom Tutor' });
    expect((await device('BA-3')).assignee).toMatchObject({ type: 'cart', name: 'Library Cart 2' });
    expect((await device('BA-5')).assignee).toMatchObject({ type: 'room', name: 'Room 204' });
    const ben = await device('BA-4');
    expect(ben.currentAssignment?.conditionOut).toBe('fair');
    expect(ben.history[0]).toMatchObject({ note: 'Issued at front desk', details: { holdOverrideReason: 'payment plan agreed' } });

    const { rows } = await t.testDb.db.query<{ action: string; details: Record<string, unknown> }>(
      "SELECT action, details FROM audit_log WHERE action IN ('device.bulk_assign', 'device.hold_override') ORDER BY id",
    );
    expect(rows.map((r) => r.action)).toEqual(['device.hold_override', 'device.bulk_assign']);
    expect(rows[0]!.details).toMatchObject({ reason: 'payment plan agreed', assetTag: 'BA-4' });
    expect(rows[1]!.details).toMatchObject({ file: 'assign.csv', assigned: 5, holdsOverridden: 1 });
  });

  it('refuses files without the columns it needs, and empty ones', async () => {
    const none = (await upload(as.it!, 'Name,Colour\nx,y\n')).json<BulkAssignReport>();
    expect(none.errors.map((e) => e.message)).toEqual([
      'has no Asset Tag or Serial column: each row names the device to hand out',
      'has no Assignee column (a student number, email or username, or a cart or room name)',
    ]);
    expect((await upload(as.it!, '')).json().errors[0].message).toBe('is empty: it needs a header row and a row per device');
  });

  it('is for those who manage devices, in their own district only', async () => {
    for (const key of ['principalNorth', 'teacherTess', 'studentAna']) {
      expect((await upload(as[key]!, 'Tag,Student\nBA-6,ID-dee\n')).statusCode, key).toBe(403);
    }
    // District A's device and student mean nothing in district B.
    const other = (await upload(as.adminB!, 'Tag,Student\nBA-6,ID-dee\n')).json<BulkAssignReport>();
    expect(other.status).toBe('error');
    expect(other.errors.map((e) => e.message)).toEqual([
      'is not a device of this district (no such asset tag or serial)',
      'is not a student or staff member of this district (for a cart or room, set the Assignee Type column)',
    ]);
    expect((await device('BA-6')).status).toBe('in_stock');
  });
});

describe('npx districtops import device-assignments', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dops-assign-cli-'));
  let env: Record<string, string>;
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  beforeAll(async () => {
    if (testEngine === 'postgres') {
      env = { DATABASE_URL: t.testDb.url! };
      return;
    }
    // The CLI opens its own embedded database in a data directory: give it a district, a student and devices.
    env = { DATA_DIR: path.join(tmp, 'data') };
    const db = await openDb({ dataDir: env.DATA_DIR });
    await migrate(db);
    const { rows } = await db.query<{ id: string }>(
      "INSERT INTO districts (name, sourced_id) VALUES ('Riverside Unified', 'riverside') RETURNING id",
    );
    const district = rows[0]!.id;
    const school = await db.query<{ id: string }>(
      "INSERT INTO schools (district_id, sourced_id, name) VALUES ($1, 'north', 'North High') RETURNING id",
      [district],
    );
    await db.query(
      `INSERT INTO people (district_id, sourced_id, primary_role, given_name, family_name, identifier, primary_school_id)
       VALUES ($1, 'ana', 'student', 'Ana', 'Alvarez', 'ID-ana', $2)`,
      [district, school.rows[0]!.id],
    );
    for (const tag of ['BA-6', 'BA-7']) {
      await db.query('INSERT INTO devices (district_id, asset_tag, serial) VALUES ($1, $2, $3)', [district, tag, `CLI-${tag}`]);
    }
    await db.close();
  });

  it('checks devices out from a file, prints a JSON report, and exits 1 naming the errors when refused', async () => {
    const bad = path.join(tmp, 'bad.csv');
    fs.writeFileSync(bad, 'Asset Tag,Student ID\nBA-6,ID-ana\nBA-7,ID-nobody\n');
    const refused = await runCli(['import', 'device-assignments', bad, '--district', 'riverside'], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Refused: nothing was changed. 1 error:');
    expect(refused.stderr).toContain(
      'bad.csv, row 3, column Student ID: "ID-nobody" is not a student or staff member of this district (for a cart or room, set the Assignee Type column)',
    );

    const good = path.join(tmp, 'good.csv');
    fs.writeFileSync(good, 'Asset Tag,Student ID,Type\nBA-6,ID-ana,\nBA-7,Cart 9,cart\n');
    const ok = await runCli(['import', 'device-assignments', good, '--json', '--district', 'riverside'], env);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({
      status: 'ok',
      file: 'good.csv',
      counts: { assigned: 2, byType: { student: 1, cart: 1 } },
      warnings: ['1 student has no signed use agreement on file'],
    });
    const missing = await runCli(['import', 'device-assignments', path.join(tmp, 'nope.csv')], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe(`${path.join(tmp, 'nope.csv')}: no such file`);
  });
});
