import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BadgeResult, ScanResult } from '../../src/shared/api/device-checkout';
import type { Hold } from '../../src/shared/api/device-holds';
import type { PersonDevices, myDevicesSchema } from '../../src/shared/api/device-people';
import type { DeviceDetail } from '../../src/shared/api/devices';
import type { z } from 'zod';

type MyDevices = z.infer<typeof myDevicesSchema>;
import { createTestApp, signIn, type Client, type TestApp } from '../helpers/app';

let t: TestApp;
const as: Record<string, Client> = {};
const keys = ['admin', 'it', 'principalNorth', 'teacherTess', 'guardianGia', 'studentAna', 'board', 'adminB'];

beforeAll(async () => {
  t = await createTestApp();
  for (const key of keys) as[key] = await signIn(t.app, `${key}@test.example.org`);
});
afterAll(() => t.close());

const post = (c: Client, url: string, payload: unknown) => c.inject({ method: 'POST', url, payload: payload as object });
const get = (c: Client, url: string) => c.inject({ method: 'GET', url });

let seq = 0;
async function addDevice(body: Record<string, unknown> = {}) {
  seq++;
  const res = await post(as.it!, '/api/devices', { assetTag: `T-${100 + seq}`, serial: `S-${100 + seq}`, ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string; assetTag: string; serial: string }>();
}
const statusOf = async (id: string) => (await get(as.it!, `/api/devices/${id}`)).json<{ status: string }>().status;
const student = (personId: string) => ({ assignee: { type: 'student', personId } });

async function audit(action: string) {
  const { rows } = await t.testDb.db.query<{ entity_id: string; details: Record<string, unknown>; actor_label: string }>(
    'SELECT entity_id, details, actor_label FROM audit_log WHERE action = $1 ORDER BY id',
    [action],
  );
  return rows;
}

describe('check-out and check-in', () => {
  it('checks a device out to a student with accessories, and back in with what was returned', async () => {
    const d = await addDevice();
    const out = await post(as.it!, `/api/devices/${d.id}/checkout`, {
      ...student(t.fixture.people.ben),
      accessories: ['charger', 'case'],
      condition: 'good',
    });
    expect(out.statusCode).toBe(200);
    expect(out.json()).toMatchObject({
      device: { status: 'assigned', assignee: { type: 'student', name: 'Ben Brooks' } },
      assignment: { kind: 'assigned', accessories: ['charger', 'case'], conditionOut: 'good', checkedOutBy: 'it@test.example.org' },
      warnings: ['No signed use agreement on file for Ben Brooks'],
    });
    const twice = await post(as.it!, `/api/devices/${d.id}/checkout`, student(t.fixture.people.cal));
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toBe(
      'Cannot change the status from assigned to assigned: the device is already checked out: check it in first',
    );

    const back = await post(as.it!, `/api/devices/${d.id}/checkin`, { condition: 'fair', accessoriesReturned: ['Case'] });
    expect(back.statusCode).toBe(200);
    expect(back.json()).toMatchObject({ device: { status: 'in_stock', assignee: null }, missingAccessories: ['charger'] });
    expect(back.json().assignment).toMatchObject({ conditionIn: 'fair', accessoriesReturned: ['Case'] });
    const again = await post(as.it!, `/api/devices/${d.id}/checkin`, { condition: 'good' });
    expect(again.json().error.message).toBe(
      'Cannot change the status from in stock to in stock: only a checked-out device can be checked in',
    );

    const detail = (await get(as.it!, `/api/devices/${d.id}`)).json<DeviceDetail>();
    expect(detail.history.map((e) => e.type)).toEqual(['checked_in', 'checked_out', 'created']);
    expect(detail.history[0]).toMatchObject({ personName: 'Ben Brooks', condition: 'fair', details: { missingAccessories: ['charger'] } });
    const actions = (await audit('device.checkout')).concat(await audit('device.checkin')).filter((a) => a.entity_id === d.id);
    expect(actions).toHaveLength(2);
  });

  it('sends a device checked in damaged to repair', async () => {
    const d = await addDevice();
    await post(as.it!, `/api/devices/${d.id}/checkout`, student(t.fixture.people.ben));
    const back = await post(as.it!, `/api/devices/${d.id}/checkin`, { condition: 'damaged', note: 'screen cracked' });
    expect(back.json().device.status).toBe('in_repair');
    const out = await post(as.it!, `/api/devices/${d.id}/checkout`, student(t.fixture.people.ben));
    expect(out.json().error.message).toContain('only a device in stock can be checked out, and this one is in repair');
  });

  it('checks out to a staff member, a cart and a room, as a loaner with a due date', async () => {
    const [a, b, c] = [await addDevice(), await addDevice(), await addDevice()];
    const staff = await post(as.it!, `/api/devices/${a.id}/checkout`, { assignee: { type: 'staff', personId: t.fixture.people.tess } });
    expect(staff.json().device.assignee).toMatchObject({ type: 'staff', name: 'Tess Teacher' });
    expect(staff.json().warnings).toEqual([]);
    const cart = await post(as.it!, `/api/devices/${b.id}/checkout`, {
      assignee: { type: 'cart', label: 'Cart 7' },
      accessories: ['charger'],
    });
    expect(cart.json().device.assignee).toEqual({ type: 'cart', personId: null, name: 'Cart 7', identifier: null });
    const loan = await post(as.it!, `/api/devices/${c.id}/checkout`, {
      assignee: { type: 'room', label: 'Room 114' },
      kind: 'loaner',
      dueOn: '2030-01-15',
    });
    expect(loan.json().device.status).toBe('loaner');
    expect(loan.json().assignment).toMatchObject({ kind: 'loaner', dueOn: '2030-01-15' });
    const found = (await get(as.it!, '/api/devices?q=cart 7')).json<{ items: { id: string }[] }>();
    expect(found.items.map((x) => x.id)).toEqual([b.id]);
  });

  it('refuses a person who is not what the check-out says, or not in this district', async () => {
    const d = await addDevice();
    const wrongKind = await post(as.it!, `/api/devices/${d.id}/checkout`, {
      assignee: { type: 'student', personId: t.fixture.people.tess },
    });
    expect(wrongKind.statusCode).toBe(400);
    expect(wrongKind.json().error.message).toBe('Tess Teacher is a teacher in the roster, not student');
    const guardian = await post(as.it!, `/api/devices/${d.id}/checkout`, { assignee: { type: 'staff', personId: t.fixture.people.gia } });
    expect(guardian.statusCode).toBe(400);
    const otherDistrict = await post(as.it!, `/api/devices/${d.id}/checkout`, student(t.fixture.people.zed));
    expect(otherDistrict.statusCode).toBe(400);
    expect(otherDistrict.json().error.field).toBe('assignee.personId');
    expect(await statusOf(d.id)).toBe('in_stock');
  });

  it('refuses check-out and check-in to roles that may only read, or not even that', async () => {
    const d = await addDevice({ schoolId: t.fixture.schools.north });
    for (const key of ['principalNorth', 'teacherTess', 'guardianGia', 'studentAna', 'board']) {
      expect((await post(as[key]!, `/api/devices/${d.id}/checkout`, student(t.fixture.people.ana))).statusCode).toBe(403);
      expect((await post(as[key]!, `/api/devices/${d.id}/checkin`, { condition: 'good' })).statusCode).toBe(403);
      expect((await post(as[key]!, '/api/devices/scan', { mode: 'checkin', tag: d.assetTag })).statusCode).toBe(403);
      expect((await post(as[key]!, '/api/devices/holds', { personId: t.fixture.people.ana, reason: 'x' })).statusCode).toBe(403);
    }
    expect(await statusOf(d.id)).toBe('in_stock');
  });
});

describe('holds', () => {
  it('stops a check-out while a student owes a fee, lets IT override with a reason that is audited, and lifts on release', async () => {
    const hold = await post(as.it!, '/api/devices/holds', {
      personId: t.fixture.people.cal,
      reason: 'Unpaid screen repair',
      amount: '45.00',
    });
    expect(hold.statusCode).toBe(201);
    const d1 = await addDevice();
    const refused = await post(as.it!, `/api/devices/${d1.id}/checkout`, student(t.fixture.people.cal));
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({
      field: 'holdOverrideReason',
      message: 'Cal Castro has a hold on new devices (Unpaid screen repair): give a reason to override it',
      details: { reason: 'hold', holds: [{ reason: 'Unpaid screen repair', amount: '45.00' }] },
    });
    expect(await statusOf(d1.id)).toBe('in_stock');
    expect(await audit('device.hold_override')).toEqual([]);

    const overridden = await post(as.it!, `/api/devices/${d1.id}/checkout`, {
      ...student(t.fixture.people.cal),
      holdOverrideReason: 'State testing this week',
    });
    expect(overridden.statusCode).toBe(200);
    expect(overridden.json().warnings).toContain('Issued despite a hold: State testing this week');
    const overrides = await audit('device.hold_override');
    expect(overrides).toHaveLength(1);
    expect(overrides[0]).toMatchObject({
      entity_id: t.fixture.people.cal,
      actor_label: 'it@test.example.org',
      details: { deviceId: d1.id, reason: 'State testing this week' },
    });

    const holdId = hold.json<{ id: string }>().id;
    const principalSees = (await get(as.principalNorth!, `/api/devices/holds?personId=${t.fixture.people.cal}`)).json<{ items: Hold[] }>();
    expect(principalSees.items.map((h) => h.id)).toEqual([holdId]);
    expect((await post(as.it!, `/api/devices/holds/${holdId}/release`, { reason: 'Paid at the office' })).statusCode).toBe(200);
    expect((await post(as.it!, `/api/devices/holds/${holdId}/release`, { reason: 'again' })).statusCode).toBe(409);
    expect((await post(as.adminB!, `/api/devices/holds/${holdId}/release`, { reason: 'not yours' })).statusCode).toBe(404);
    const d2 = await addDevice();
    expect((await post(as.it!, `/api/devices/${d2.id}/checkout`, student(t.fixture.people.cal))).statusCode).toBe(200);
    expect((await audit('device_hold.release')).map((a) => a.details.reason)).toEqual(['Paid at the office']);
  });
});

describe('the scan station', () => {
  it('checks out by badge and tag in one step, checks in by tag, and undoes each with its token', async () => {
    const d = await addDevice({ assetTag: 'SCAN-0001' });
    const out = await post(as.it!, '/api/devices/scan', {
      mode: 'checkout',
      studentId: 'id-ana',
      tag: 'scan-0001',
      accessories: ['charger'],
    });
    expect(out.statusCode).toBe(200);
    const o = out.json();
    expect(o).toMatchObject({
      result: 'checked_out',
      reason: null,
      message: 'SCAN-0001 checked out to Ana Alvarez',
      student: { name: 'Ana Alvarez', identifier: 'ID-ana', grades: ['09'], schoolName: 'North High', agreementSigned: false },
      device: { id: d.id, assetTag: 'SCAN-0001', status: 'assigned', assignee: { name: 'Ana Alvarez' } },
    });
    expect(o.undoToken).toMatch(/^[0-9a-f-]{36}$/);

    const undo = await post(as.it!, '/api/devices/scan/undo', { undoToken: o.undoToken });
    expect(undo.statusCode).toBe(200);
    expect(undo.json()).toMatchObject({ result: 'undone', device: { status: 'in_stock', assignee: null } });
    const twice = await post(as.it!, '/api/devices/scan/undo', { undoToken: o.undoToken });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toBe('This scan was already undone');
    // An undone check-out never happened: it is not in the device's assignments, but its history says so.
    const afterUndo = (await get(as.it!, `/api/devices/${d.id}`)).json<DeviceDetail>();
    expect(afterUndo.assignments).toEqual([]);
    expect(afterUndo.history.map((e) => e.type)).toEqual(['undone', 'checked_out', 'created']);

    // Badges carry student numbers, sourcedIds or emails.
    const byEmail = await post(as.it!, '/api/devices/scan', { mode: 'checkout', studentId: 'ANA@example.org', tag: 'SCAN-0001' });
    expect(byEmail.json().result).toBe('checked_out');
    const back = await post(as.it!, '/api/devices/scan', { mode: 'checkin', tag: 'SCAN-0001', accessories: [] });
    expect(back.json()).toMatchObject({
      result: 'checked_in',
      message: 'SCAN-0001 checked in from Ana Alvarez',
      student: { name: 'Ana Alvarez' },
      device: { status: 'in_stock' },
      warnings: [],
    });
    const undoIn = await post(as.it!, '/api/devices/scan/undo', { undoToken: back.json().undoToken });
    expect(undoIn.json().device).toMatchObject({ status: 'assigned', assignee: { name: 'Ana Alvarez' } });
    expect((await audit('device.checkin_undone')).map((a) => a.entity_id)).toContain(d.id);
  });

  it('stops the line on each kind of mistake, with a reason, and changes nothing', async () => {
    const d = await addDevice({ assetTag: 'SCAN-0002' });
    const scan = async (body: Record<string, unknown>) => {
      const res = await post(as.it!, '/api/devices/scan', body);
      expect(res.statusCode).toBe(200);
      return res.json<ScanResult>();
    };
    expect(await scan({ mode: 'checkout', studentId: 'ID-ben', tag: 'NOPE-1' })).toMatchObject({
      result: 'refused',
      reason: 'unknown_tag',
      message: 'No device with tag or serial NOPE-1',
      student: { name: 'Ben Brooks' },
      undoToken: null,
    });
    expect(await scan({ mode: 'checkout', studentId: 'ID-nobody', tag: 'SCAN-0002' })).toMatchObject({ reason: 'unknown_student' });
    expect(await scan({ mode: 'checkout', tag: 'SCAN-0002' })).toMatchObject({ reason: 'student_required' });
    expect(await scan({ mode: 'checkout', studentId: 'ID-zed', tag: 'SCAN-0002' })).toMatchObject({ reason: 'unknown_student' });
    expect(await scan({ mode: 'checkin', tag: 'SCAN-0002' })).toMatchObject({
      reason: 'not_checked_out',
      message: 'SCAN-0002 is not checked out (it is in stock)',
    });
    expect((await scan({ mode: 'checkout', studentId: 'ID-ben', tag: 'SCAN-0002' })).result).toBe('checked_out');
    expect(await scan({ mode: 'checkout', studentId: 'ID-cal', tag: 'SCAN-0002' })).toMatchObject({
      reason: 'already_assigned',
      message: 'SCAN-0002 is already checked out to Ben Brooks',
      device: { assignee: { name: 'Ben Brooks' } },
    });
    expect(await scan({ mode: 'checkin', studentId: 'ID-cal', tag: 'SCAN-0002' })).toMatchObject({
      reason: 'wrong_student',
      message: 'SCAN-0002 is checked out to Ben Brooks, not Cal Castro',
    });
    expect(await statusOf(d.id)).toBe('assigned');

    const retired = await addDevice({ assetTag: 'SCAN-0003', status: 'retired' });
    expect(await scan({ mode: 'checkout', studentId: 'ID-ben', tag: 'SCAN-0003' })).toMatchObject({
      reason: 'not_available',
      message: 'SCAN-0003 is retired: a retired device can only go to e-waste',
    });
    expect(await statusOf(retired.id)).toBe('retired');
  });

  it('stops a student with a hold at the station, and issues with an override reason', async () => {
    await post(as.it!, '/api/devices/holds', { personId: t.fixture.people.dee, reason: 'Lost charger fee' });
    const d = await addDevice({ assetTag: 'SCAN-0004' });
    const held = await post(as.it!, '/api/devices/scan', { mode: 'checkout', studentId: 'ID-dee', tag: 'SCAN-0004' });
    expect(held.json()).toMatchObject({ result: 'refused', reason: 'hold', message: 'Dee Diaz has a hold: Lost charger fee' });
    expect(held.json().holds).toHaveLength(1);
    expect(await statusOf(d.id)).toBe('in_stock');
    const ok = await post(as.it!, '/api/devices/scan', {
      mode: 'checkout',
      studentId: 'ID-dee',
      tag: 'SCAN-0004',
      holdOverrideReason: 'Principal approved',
    });
    expect(ok.json().result).toBe('checked_out');
    expect(ok.json().warnings).toEqual(['Issued despite a hold: Principal approved', 'No signed use agreement on file for Dee Diaz']);
    expect((await audit('device.hold_override')).some((a) => a.details.reason === 'Principal approved')).toBe(true);
  });

  it('shows whose badge was scanned, what they hold and their holds, and audits the read of a student', async () => {
    const d = await addDevice({ assetTag: 'BADGE-0001' });
    await post(as.it!, '/api/devices/scan', { mode: 'checkout', studentId: 'ID-ana', tag: 'BADGE-0001' });
    const before = (await audit('student.read')).length;
    const res = await get(as.it!, '/api/devices/scan/badge?id=id-ana');
    expect(res.statusCode).toBe(200);
    const badge = res.json<BadgeResult>();
    expect(badge.person).toMatchObject({ name: 'Ana Alvarez', primaryRole: 'student', active: true, schoolName: 'North High' });
    expect(badge.devices.map((x) => x.id)).toContain(d.id);
    const reads = await audit('student.read');
    expect(reads).toHaveLength(before + 1);
    expect(reads.at(-1)!.details).toEqual({ section: 'scan_station' });

    const held = (await get(as.it!, '/api/devices/scan/badge?id=ID-dee')).json<BadgeResult>();
    expect(held.holds.map((h) => h.reason)).toContain('Lost charger fee');
    expect((await get(as.it!, '/api/devices/scan/badge?id=nobody-here')).json()).toEqual({ person: null, devices: [], holds: [] });
    // Another district's badge is nobody here; roles that cannot issue devices cannot look badges up.
    expect((await get(as.adminB!, '/api/devices/scan/badge?id=ID-ana')).json().person).toBeNull();
    for (const key of ['principalNorth', 'teacherTess', 'studentAna']) {
      expect((await get(as[key]!, '/api/devices/scan/badge?id=ID-ana')).statusCode, key).toBe(403);
    }
  });

  it('undoes only your own recent scan, and only while the device is as the scan left it', async () => {
    const d = await addDevice({ assetTag: 'SCAN-0005' });
    const out = (await post(as.it!, '/api/devices/scan', { mode: 'checkout', studentId: 'ID-ben', tag: 'SCAN-0005' })).json();
    const someoneElse = await post(as.admin!, '/api/devices/scan/undo', { undoToken: out.undoToken });
    expect(someoneElse.statusCode).toBe(404);
    expect((await post(as.adminB!, '/api/devices/scan/undo', { undoToken: out.undoToken })).statusCode).toBe(404);
    await post(as.it!, '/api/devices/scan', { mode: 'checkin', tag: 'SCAN-0005' });
    const stale = await post(as.it!, '/api/devices/scan/undo', { undoToken: out.undoToken });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toContain('The device has changed since this scan');
    expect(await statusOf(d.id)).toBe('in_stock');

    // A scan from twenty minutes ago is past its undo window.
    const { rows } = await t.testDb.db.query<{ id: string }>(
      `INSERT INTO device_events (district_id, device_id, actor_account_id, actor_label, type, from_status, to_status, at)
       VALUES ($1, $2, $3, 'it@test.example.org', 'checked_out', 'in_stock', 'assigned', now() - interval '20 minutes') RETURNING id`,
      [t.fixture.districtA, d.id, t.fixture.accounts.it!.id],
    );
    const late = await post(as.it!, '/api/devices/scan/undo', { undoToken: rows[0]!.id });
    expect(late.json().error.message).toBe('Too late to undo: a scan can be undone for 15 minutes');
  });
});

describe('use agreements and what people see of their own devices', () => {
  it('records who signed which version, and shows students and families only their own devices', async () => {
    const bad = await post(as.it!, '/api/devices/agreements', {
      personId: t.fixture.people.ana,
      signedBy: 'guardian',
      signerPersonId: t.fixture.people.tess,
      version: '2025-26',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBe('That person is not a guardian of Ana Alvarez');
    const signed = await post(as.it!, '/api/devices/agreements', {
      personId: t.fixture.people.ana,
      signedBy: 'guardian',
      signerPersonId: t.fixture.people.gia,
      version: '2025-26',
      signedAt: '2025-08-12T15:00:00Z',
    });
    expect(signed.statusCode).toBe(201);
    expect(signed.json()).toMatchObject({
      signedBy: 'guardian',
      signerName: 'Gia Alvarez',
      version: '2025-26',
      signedAt: '2025-08-12T15:00:00.000Z',
    });

    const anaDevice = await addDevice({ assetTag: 'MINE-ANA' });
    const deeDevice = await addDevice({ assetTag: 'MINE-DEE' });
    const benDevice = await addDevice({ assetTag: 'MINE-BEN' });
    const scanAna = (await post(as.it!, '/api/devices/scan', { mode: 'checkout', studentId: 'ID-ana', tag: 'MINE-ANA' })).json();
    expect(scanAna.student.agreementSigned).toBe(true);
    expect(scanAna.warnings).toEqual([]);
    await post(as.it!, `/api/devices/${deeDevice.id}/checkout`, { ...student(t.fixture.people.dee), holdOverrideReason: 'approved' });
    await post(as.it!, `/api/devices/${benDevice.id}/checkout`, student(t.fixture.people.ben));

    const tagsOf = (body: { items: { person: { name: string }; devices: { assetTag: string }[] }[] }) =>
      Object.fromEntries(body.items.map((i) => [i.person.name, i.devices.map((x) => x.assetTag).filter((x) => x.startsWith('MINE'))]));
    const ana = (await get(as.studentAna!, '/api/devices/mine')).json();
    expect(tagsOf(ana)).toEqual({ 'Ana Alvarez': ['MINE-ANA'] });
    expect(ana.items[0].agreement).toEqual({ version: '2025-26', signedAt: '2025-08-12T15:00:00.000Z', signedBy: 'guardian' });
    const gia = (await get(as.guardianGia!, '/api/devices/mine')).json();
    expect(tagsOf(gia)).toEqual({ 'Gia Alvarez': [], 'Ana Alvarez': ['MINE-ANA'], 'Dee Diaz': ['MINE-DEE'] });
    // A teacher sees the laptop checked out to her earlier, and no student's device.
    const tess = (await get(as.teacherTess!, '/api/devices/mine')).json<MyDevices>();
    expect(tess.items.map((i) => [i.person.name, i.devices.length])).toEqual([['Tess Teacher', 1]]);
    // Students and families read nothing else.
    expect((await get(as.studentAna!, `/api/devices/${anaDevice.id}`)).statusCode).toBe(403);
    expect((await get(as.guardianGia!, `/api/devices/people/${t.fixture.people.ana}`)).statusCode).toBe(403);
  });

  it('shows a person’s devices to staff who may see that person, and audits reads of a student', async () => {
    const before = (await audit('student.read')).length;
    const ana = await get(as.principalNorth!, `/api/devices/people/${t.fixture.people.ana}`);
    expect(ana.statusCode).toBe(200);
    expect(ana.json<PersonDevices>().agreements.map((a) => a.version)).toEqual(['2025-26']);
    expect(ana.json<PersonDevices>().current.map((c) => c.device.assetTag)).toContain('MINE-ANA');
    const reads = await audit('student.read');
    expect(reads).toHaveLength(before + 1);
    expect(reads.at(-1)).toMatchObject({ entity_id: t.fixture.people.ana, details: { section: 'devices' } });
    // Dee is at South Middle: outside the North principal's scope, answered as if she did not exist.
    expect((await get(as.principalNorth!, `/api/devices/people/${t.fixture.people.dee}`)).statusCode).toBe(404);
  });
});

describe('races', () => {
  it('lets only one of two simultaneous check-outs of a device win', async () => {
    const d = await addDevice();
    const [a, b] = await Promise.all([
      post(as.it!, `/api/devices/${d.id}/checkout`, student(t.fixture.people.ben)),
      post(as.it!, `/api/devices/${d.id}/checkout`, student(t.fixture.people.cal)),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const { rows } = await t.testDb.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM device_assignments WHERE device_id = $1 AND checked_in_at IS NULL',
      [d.id],
    );
    expect(rows[0]!.n).toBe(1);
  });

  it('lets only one of two simultaneous creations of a serial win', async () => {
    const [a, b] = await Promise.all([
      post(as.it!, '/api/devices', { serial: 'RACE-1' }),
      post(as.it!, '/api/devices', { serial: 'race-1' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
  });
});
