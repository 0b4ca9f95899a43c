import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditScanResult, DeviceAudit } from '../../src/shared/api/device-audits';
import type { DeviceDetail } from '../../src/shared/api/devices';
import { createTestApp, signIn, type Client, type TestApp } from '../helpers/app';

let t: TestApp;
const as: Record<string, Client> = {};
const keys = ['admin', 'it', 'principalNorth', 'teacherTess', 'studentAna', 'board', 'adminB'];

beforeAll(async () => {
  t = await createTestApp();
  for (const key of keys) as[key] = await signIn(t.app, `${key}@test.example.org`);
});
afterAll(() => t.close());

const post = (c: Client, url: string, payload: unknown) => c.inject({ method: 'POST', url, payload: payload as object });
const get = (c: Client, url: string) => c.inject({ method: 'GET', url });

async function addDevice(assetTag: string, body: Record<string, unknown> = {}, by = as.it!) {
  const res = await post(by, '/api/devices', { assetTag, serial: `SN-${assetTag}`, ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}

async function schedule(schoolId: string, name = 'Spring inventory', dueOn = '2099-05-01') {
  const res = await post(as.it!, '/api/devices/audits', { schoolId, name, dueOn });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<DeviceAudit>();
}

const scan = async (auditId: string, tag: string, by = as.it!) => {
  const res = await post(by, `/api/devices/audits/${auditId}/scan`, { tag });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<AuditScanResult>();
};
const tagsOf = (page: { items: { device: { assetTag: string | null } }[] }) => page.items.map((i) => i.device.assetTag);

describe('physical audits', () => {
  const ids: Record<string, string> = {};
  let audit: DeviceAudit;

  beforeAll(async () => {
    const { north, south } = t.fixture.schools;
    for (const tag of ['N-1', 'N-2', 'N-3', 'N-4', 'N-5']) ids[tag] = await addDevice(tag, { schoolId: north });
    ids['S-1'] = await addDevice('S-1', { schoolId: south });
    ids['X-1'] = await addDevice('X-1');
    ids['R-1'] = await addDevice('R-1', { schoolId: north, status: 'retired' });
    await post(as.it!, `/api/devices/${ids['N-4']}/checkout`, { assignee: { type: 'student', personId: t.fixture.people.ana } });
    await post(as.it!, `/api/devices/${ids['N-5']}/status`, { status: 'lost' });
  });

  it('schedules an audit of a school, expecting the devices in service there', async () => {
    audit = await schedule(t.fixture.schools.north);
    expect(audit).toMatchObject({
      schoolName: 'North High',
      name: 'Spring inventory',
      dueOn: '2099-05-01',
      status: 'open',
      overdue: false,
      createdBy: 'it@test.example.org',
      // N-1..N-4: the lost N-5 and the retired R-1 are not expected.
      counts: { expected: 4, seenHere: 0, seenElsewhere: 0, missing: 4 },
    });
  });

  it('marks devices seen by tag or serial in any case, and flags one that belongs elsewhere', async () => {
    const first = await scan(audit.id, 'n-1');
    expect(first).toMatchObject({
      result: 'seen_here',
      message: 'N-1 seen',
      device: { assetTag: 'N-1', schoolName: 'North High' },
      warnings: [],
      counts: { expected: 4, seenHere: 1, missing: 3 },
    });
    expect((await scan(audit.id, 'sn-n-2')).result).toBe('seen_here');

    const again = await scan(audit.id, 'N-1');
    expect(again).toMatchObject({ result: 'already_seen', message: 'N-1 was already scanned in this audit', counts: { seenHere: 2 } });
    expect(Date.parse(again.firstSeenAt!)).toBeLessThanOrEqual(Date.now());

    expect(await scan(audit.id, 'S-1')).toMatchObject({
      result: 'seen_elsewhere',
      message: 'S-1 belongs to South Middle, not North High',
      counts: { expected: 4, seenHere: 2, seenElsewhere: 1, missing: 2 },
    });
    expect((await scan(audit.id, 'X-1')).message).toBe('X-1 belongs to no school, not North High');
    expect(await scan(audit.id, 'NOPE-9')).toMatchObject({
      result: 'unknown_tag',
      message: 'No device with tag or serial NOPE-9',
      device: null,
    });

    // A device reported lost that turns up is seen, and says so.
    const found = await scan(audit.id, 'N-5');
    expect(found).toMatchObject({ result: 'seen_here', warnings: ['N-5 is reported lost: mark it found (in stock) if it is back'] });
    expect(found.counts).toEqual({ expected: 5, seenHere: 3, seenElsewhere: 2, missing: 2 });

    // Each device's own history says where the audit saw it, once: the repeated scan adds nothing.
    const seenIn = async (id: string) =>
      (await get(as.it!, `/api/devices/${id}`)).json<DeviceDetail>().history.filter((e) => e.type === 'audit_seen');
    expect(await seenIn(first.device!.id)).toEqual([
      expect.objectContaining({
        actor: 'it@test.example.org',
        details: { auditId: audit.id, schoolName: 'North High', result: 'seen_here' },
      }),
    ]);
    const s1 = (await scan(audit.id, 'S-1')).device!;
    expect((await seenIn(s1.id)).map((e) => e.details.result)).toEqual(['seen_elsewhere']);
  });

  it('lists the devices expected but not seen, and those seen that belong elsewhere', async () => {
    const missing = (await get(as.it!, `/api/devices/audits/${audit.id}/devices`)).json();
    expect(tagsOf(missing)).toEqual(['N-3', 'N-4']);
    expect(missing.total).toBe(2);
    expect(missing.items[1]).toMatchObject({
      result: 'missing',
      seenAt: null,
      device: { status: 'assigned', assignee: { name: 'Ana Alvarez' } },
    });
    const elsewhere = (await get(as.it!, `/api/devices/audits/${audit.id}/devices?result=seen_elsewhere`)).json();
    expect(tagsOf(elsewhere)).toEqual(['S-1', 'X-1']);
    expect(elsewhere.items[0]).toMatchObject({ scannedAs: 'S-1', seenBy: 'it@test.example.org', statusThen: 'in_stock' });
    const here = (await get(as.it!, `/api/devices/audits/${audit.id}/devices?result=seen_here&pageSize=2`)).json();
    expect(here).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(tagsOf(here)).toEqual(['N-1', 'N-2']);
  });

  it('follows a device moved to the school while the audit is open', async () => {
    await t.app.inject({
      method: 'PATCH',
      url: `/api/devices/${ids['S-1']}`,
      payload: { schoolId: t.fixture.schools.north },
      headers: { cookie: as.it!.cookie, 'x-csrf-token': as.it!.csrf },
    });
    const now = (await get(as.it!, `/api/devices/audits/${audit.id}`)).json<DeviceAudit>();
    expect(now.counts).toEqual({ expected: 6, seenHere: 4, seenElsewhere: 1, missing: 2 });
  });

  it('closes an audit and keeps its outcome whatever happens to the devices afterwards', async () => {
    const closed = await post(as.it!, `/api/devices/audits/${audit.id}/close`, { note: 'Cart 3 not opened' });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({
      status: 'closed',
      closedBy: 'it@test.example.org',
      closeNote: 'Cart 3 not opened',
      counts: { expected: 6, seenHere: 4, seenElsewhere: 1, missing: 2 },
    });
    // N-3 moves to South afterwards: the closed audit still lists it as missing at North.
    await t.app.inject({
      method: 'PATCH',
      url: `/api/devices/${ids['N-3']}`,
      payload: { schoolId: t.fixture.schools.south },
      headers: { cookie: as.it!.cookie, 'x-csrf-token': as.it!.csrf },
    });
    const later = (await get(as.it!, `/api/devices/audits/${audit.id}`)).json<DeviceAudit>();
    expect(later.counts).toEqual({ expected: 6, seenHere: 4, seenElsewhere: 1, missing: 2 });
    const missing = (await get(as.it!, `/api/devices/audits/${audit.id}/devices?result=missing`)).json();
    expect(tagsOf(missing)).toEqual(['N-3', 'N-4']);
    expect(missing.items[0].statusThen).toBe('in_stock');

    const late = await post(as.it!, `/api/devices/audits/${audit.id}/scan`, { tag: 'N-3' });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toBe('This audit is closed: schedule a new one to scan again');
    expect((await post(as.it!, `/api/devices/audits/${audit.id}/close`, {})).statusCode).toBe(409);
    expect((await as.it!.inject({ method: 'PATCH', url: `/api/devices/audits/${audit.id}`, payload: { name: 'x' } })).statusCode).toBe(409);
  });

  it('keeps a history of audits per school with their counts, open ones first', async () => {
    const next = await schedule(t.fixture.schools.north, 'Fall inventory', '2020-09-01');
    expect(next.overdue).toBe(true);
    const renamed = await as.it!.inject({
      method: 'PATCH',
      url: `/api/devices/audits/${next.id}`,
      payload: { name: 'Fall count', dueOn: '2099-09-01' },
    });
    expect(renamed.json()).toMatchObject({ name: 'Fall count', dueOn: '2099-09-01', overdue: false });
    const history = (await get(as.it!, `/api/devices/audits?schoolId=${t.fixture.schools.north}`)).json<{ items: DeviceAudit[] }>();
    expect(history.items.map((a) => [a.name, a.status, a.counts.missing])).toEqual([
      ['Fall count', 'open', 4],
      ['Spring inventory', 'closed', 2],
    ]);
    const closedOnly = (await get(as.it!, '/api/devices/audits?status=closed')).json();
    expect(closedOnly.total).toBe(1);
  });

  it('records every write in the audit log', async () => {
    const { rows } = await t.testDb.db.query<{ action: string; n: number }>(
      `SELECT action, count(*)::int AS n FROM audit_log WHERE action LIKE 'device_audit.%' AND district_id = $1 GROUP BY action ORDER BY action`,
      [t.fixture.districtA],
    );
    expect(rows).toEqual([
      { action: 'device_audit.close', n: 1 },
      { action: 'device_audit.create', n: 2 },
      { action: 'device_audit.scan', n: 5 },
      { action: 'device_audit.update', n: 1 },
    ]);
  });

  it('refuses a school of another district and a blank name', async () => {
    const other = await post(as.it!, '/api/devices/audits', { schoolId: t.fixture.schools.hill, name: 'x', dueOn: '2099-01-01' });
    expect(other.statusCode).toBe(400);
    expect(other.json().error).toMatchObject({ field: 'schoolId', message: 'No such school in this district' });
    expect(
      (await post(as.it!, '/api/devices/audits', { schoolId: t.fixture.schools.north, name: ' ', dueOn: '2099-01-01' })).statusCode,
    ).toBe(400);
  });
});

describe('who may see and run audits', () => {
  let north: DeviceAudit;
  let south: DeviceAudit;
  beforeAll(async () => {
    north = await schedule(t.fixture.schools.north, 'Scoping north');
    south = await schedule(t.fixture.schools.south, 'Scoping south');
  });

  it('lets a principal read their school’s audits, not another school’s, and not scan or schedule', async () => {
    const p = as.principalNorth!;
    expect((await get(p, `/api/devices/audits/${north.id}`)).statusCode).toBe(200);
    expect((await get(p, `/api/devices/audits/${north.id}/devices`)).statusCode).toBe(200);
    // A South Middle student's device found at North High: the principal sees the device, not who holds it.
    const dee = (await post(as.it!, '/api/devices', { assetTag: 'SD-1', serial: 'SN-SD-1', schoolId: t.fixture.schools.south })).json();
    await post(as.it!, `/api/devices/${dee.id}/checkout`, { assignee: { type: 'student', personId: t.fixture.people.dee } });
    await scan(north.id, 'SD-1');
    const found = (await get(p, `/api/devices/audits/${north.id}/devices?result=seen_elsewhere`)).json();
    expect(found.items).toHaveLength(1);
    expect(found.items[0].device).toMatchObject({ assetTag: 'SD-1', schoolName: 'South Middle', assignee: null });
    const byIt = (await get(as.it!, `/api/devices/audits/${north.id}/devices?result=seen_elsewhere`)).json();
    expect(byIt.items[0].device.assignee).toMatchObject({ name: 'Dee Diaz' });
    expect((await get(p, `/api/devices/audits/${south.id}`)).statusCode).toBe(404);
    expect((await get(p, `/api/devices/audits/${south.id}/devices`)).statusCode).toBe(404);
    const list = (await get(p, '/api/devices/audits?pageSize=200')).json<{ items: DeviceAudit[] }>();
    expect(list.items.every((a) => a.schoolName === 'North High')).toBe(true);
    expect((await post(p, `/api/devices/audits/${north.id}/scan`, { tag: 'N-1' })).statusCode).toBe(403);
    expect((await post(p, '/api/devices/audits', { schoolId: t.fixture.schools.north, name: 'x', dueOn: '2099-01-01' })).statusCode).toBe(
      403,
    );
    expect((await post(p, `/api/devices/audits/${north.id}/close`, {})).statusCode).toBe(403);
  });

  it('refuses teachers, students and the board', async () => {
    for (const key of ['teacherTess', 'studentAna', 'board']) {
      expect((await get(as[key]!, '/api/devices/audits')).statusCode, key).toBe(403);
      expect((await get(as[key]!, `/api/devices/audits/${north.id}`)).statusCode, key).toBe(403);
      expect((await post(as[key]!, `/api/devices/audits/${north.id}/scan`, { tag: 'N-1' })).statusCode, key).toBe(403);
    }
  });

  it('keeps another district’s audits and devices out of reach', async () => {
    const b = as.adminB!;
    expect((await get(b, `/api/devices/audits/${north.id}`)).statusCode).toBe(404);
    expect((await post(b, `/api/devices/audits/${north.id}/scan`, { tag: 'N-2' })).statusCode).toBe(404);
    expect((await post(b, `/api/devices/audits/${north.id}/close`, {})).statusCode).toBe(404);
    expect((await get(b, '/api/devices/audits')).json().total).toBe(0);
    const own = await post(b, '/api/devices/audits', { schoolId: t.fixture.schools.hill, name: 'Hilltop', dueOn: '2099-01-01' });
    expect(own.statusCode).toBe(201);
    // District A's tag means nothing in district B.
    const res = (await post(b, `/api/devices/audits/${own.json().id}/scan`, { tag: 'N-2' })).json();
    expect(res).toMatchObject({ result: 'unknown_tag', device: null });
  });

  it('closes an audit sent without a body', async () => {
    const res = await as.it!.inject({ method: 'POST', url: `/api/devices/audits/${north.id}/close` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'closed', closeNote: null });
  });
});
