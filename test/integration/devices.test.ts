import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonDevices } from '../../src/shared/api/device-people';
import type { DeviceDetail } from '../../src/shared/api/devices';
import { createTestApp, signIn, type Client, type TestApp } from '../helpers/app';

let t: TestApp;
const as: Record<string, Client> = {};
const keys = ['admin', 'it', 'privacy', 'coach', 'principalNorth', 'teacherTess', 'guardianGia', 'studentAna', 'board', 'adminB'];

beforeAll(async () => {
  t = await createTestApp();
  for (const key of keys) as[key] = await signIn(t.app, `${key}@test.example.org`);
});
afterAll(() => t.close());

const post = (c: Client, url: string, payload: unknown) => c.inject({ method: 'POST', url, payload: payload as object });
const get = (c: Client, url: string) => c.inject({ method: 'GET', url });

let seq = 0;
async function addDevice(body: Record<string, unknown> = {}, c: Client = as.it!) {
  seq++;
  const res = await post(c, '/api/devices', { assetTag: `RV-${1000 + seq}`, serial: `SN${1000 + seq}`, ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string; assetTag: string; serial: string }>();
}

async function auditActions(entityId: string) {
  const { rows } = await t.testDb.db.query<{ action: string; details: Record<string, unknown>; actor_label: string }>(
    'SELECT action, details, actor_label FROM audit_log WHERE entity_id = $1 ORDER BY id',
    [entityId],
  );
  return rows;
}

describe('who may use the device inventory', () => {
  it('lets IT and administrators manage, principals read, and refuses everyone else', async () => {
    const device = await addDevice({ schoolId: t.fixture.schools.north });
    const reads: Record<string, number> = {};
    const writes: Record<string, number> = {};
    for (const key of keys.filter((k) => k !== 'adminB')) {
      reads[key] = (await get(as[key]!, '/api/devices')).statusCode;
      writes[key] = (await post(as[key]!, `/api/devices/${device.id}/status`, { status: 'in_repair' })).statusCode;
      if (writes[key] === 200) await post(as[key]!, `/api/devices/${device.id}/status`, { status: 'in_stock' });
    }
    expect(reads).toEqual({
      admin: 200,
      it: 200,
      privacy: 403,
      coach: 403,
      principalNorth: 200,
      teacherTess: 403,
      guardianGia: 403,
      studentAna: 403,
      board: 403,
    });
    expect(writes).toEqual({
      admin: 200,
      it: 200,
      privacy: 403,
      coach: 403,
      principalNorth: 403,
      teacherTess: 403,
      guardianGia: 403,
      studentAna: 403,
      board: 403,
    });
  });

  it('gives the board, privacy officer and coach counts without names; teachers and families nothing', async () => {
    for (const key of ['board', 'privacy', 'coach']) {
      const res = await get(as[key]!, '/api/devices/summary');
      expect(res.statusCode).toBe(200);
      expect(JSON.stringify(res.json())).not.toMatch(/RV-|SN\d|Alvarez/);
    }
    for (const key of ['teacherTess', 'guardianGia', 'studentAna'])
      expect((await get(as[key]!, '/api/devices/summary')).statusCode).toBe(403);
  });

  it('asks anonymous callers to sign in', async () => {
    for (const url of ['/api/devices', '/api/devices/mine', '/api/devices/summary', '/api/devices/models']) {
      expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    }
    const scan = await t.app.inject({ method: 'POST', url: '/api/devices/scan', payload: { mode: 'checkin', tag: 'X' } });
    expect(scan.statusCode).toBe(401);
  });
});

describe('schools and districts', () => {
  it('shows a principal the devices of their school only', async () => {
    const north = await addDevice({ schoolId: t.fixture.schools.north });
    const south = await addDevice({ schoolId: t.fixture.schools.south });
    const list = (await get(as.principalNorth!, '/api/devices?pageSize=200')).json<{ items: { id: string; schoolName: string }[] }>();
    expect(list.items.map((d) => d.id)).toContain(north.id);
    expect(list.items.map((d) => d.id)).not.toContain(south.id);
    expect(new Set(list.items.map((d) => d.schoolName))).toEqual(new Set(['North High']));
    expect((await get(as.principalNorth!, `/api/devices/${north.id}`)).statusCode).toBe(200);
    expect((await get(as.principalNorth!, `/api/devices/${south.id}`)).statusCode).toBe(404);
  });

  it('keeps another district out, even by id', async () => {
    const mine = await addDevice();
    expect((await get(as.adminB!, `/api/devices/${mine.id}`)).statusCode).toBe(404);
    expect((await get(as.adminB!, '/api/devices')).json<{ total: number }>().total).toBe(0);
    expect((await post(as.adminB!, `/api/devices/${mine.id}/status`, { status: 'lost' })).statusCode).toBe(404);
    const checkout = await post(as.adminB!, `/api/devices/${mine.id}/checkout`, { assignee: { type: 'cart', label: 'Cart 1' } });
    expect(checkout.statusCode).toBe(404);
    // Hilltop may reuse Riverside's tag and serial: uniqueness is per district.
    const same = await post(as.adminB!, '/api/devices', { assetTag: mine.assetTag, serial: mine.serial });
    expect(same.statusCode).toBe(201);
    const foreignSchool = await post(as.adminB!, '/api/devices', { serial: 'HB-1', schoolId: t.fixture.schools.north });
    expect(foreignSchool.statusCode).toBe(400);
    expect(foreignSchool.json().error.field).toBe('schoolId');
    const model = (await post(as.admin!, '/api/devices/models', { name: 'Riverside Only', category: 'laptop' })).json<{ id: string }>();
    const foreignModel = await post(as.adminB!, '/api/devices', { serial: 'HB-2', modelId: model.id });
    expect(foreignModel.json().error.field).toBe('modelId');
    expect((await get(as.adminB!, '/api/devices/models')).json<{ items: unknown[] }>().items).toEqual([]);
    expect((await get(as.admin!, `/api/devices/people/${t.fixture.people.zed}`)).statusCode).toBe(404);
  });
});

describe('the inventory', () => {
  it('adds a device with its model, school, purchase and warranty, and shows it with its history', async () => {
    const model = await post(as.it!, '/api/devices/models', {
      manufacturer: 'Dell',
      name: 'Chromebook 3100',
      category: 'chromebook',
      expectedLifeYears: 4,
      replacementPrice: '289.00',
      aueDate: '2026-06-30',
    });
    expect(model.statusCode).toBe(201);
    const modelId = model.json<{ id: string }>().id;
    const res = await post(as.it!, '/api/devices', {
      assetTag: 'RV-9001',
      serial: 'DL3100A',
      modelId,
      schoolId: t.fixture.schools.north,
      location: 'Library cart B',
      purchaseDate: '2022-08-01',
      cost: 279.5,
      fundingSource: 'esser',
      warrantyEnd: '2025-08-01',
      customFields: { insurance: 'yes' },
    });
    expect(res.statusCode).toBe(201);
    const d = res.json<DeviceDetail>();
    expect(d).toMatchObject({
      assetTag: 'RV-9001',
      status: 'in_stock',
      modelName: 'Chromebook 3100',
      manufacturer: 'Dell',
      category: 'chromebook',
      schoolName: 'North High',
      cost: '279.50',
      fundingSource: 'esser',
      aueDate: '2026-06-30', // the model's, as the device has none of its own
      aueOverride: null,
      customFields: { insurance: 'yes' },
    });
    expect(d.history.map((e) => e.type)).toEqual(['created']);
    expect(d.history[0]!.actor).toBe('it@test.example.org');
    expect((await auditActions(d.id)).map((a) => a.action)).toEqual(['device.create']);

    const patched = await as.it!.inject({
      method: 'PATCH',
      url: `/api/devices/${d.id}`,
      payload: { location: 'Room 12', aueDate: '2027-06-30' },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ location: 'Room 12', aueDate: '2027-06-30', aueOverride: '2027-06-30' });
    expect(patched.json().history[0]).toMatchObject({
      type: 'updated',
      details: { changes: { location: { from: 'Library cart B', to: 'Room 12' }, aueDate: { from: null, to: '2027-06-30' } } },
    });
    const models = (await get(as.it!, '/api/devices/models')).json<{ items: { id: string; deviceCount: number }[] }>();
    expect(models.items.find((m) => m.id === modelId)!.deviceCount).toBe(1);
    const inUse = await as.it!.inject({ method: 'DELETE', url: `/api/devices/models/${modelId}` });
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().error.message).toBe('1 device uses this model: move them first');
  });

  it('refuses a tag or serial already used, whatever its case', async () => {
    const first = await addDevice();
    const tag = await post(as.it!, '/api/devices', { assetTag: first.assetTag.toLowerCase(), serial: 'OTHER-1' });
    expect(tag.statusCode).toBe(409);
    expect(tag.json().error).toMatchObject({
      field: 'assetTag',
      message: `Asset tag ${first.assetTag.toLowerCase()} is already used by device ${first.assetTag}`,
    });
    const serial = await post(as.it!, '/api/devices', { assetTag: 'FRESH-1', serial: first.serial.toLowerCase() });
    expect(serial.statusCode).toBe(409);
    expect(serial.json().error.field).toBe('serial');
    const second = await addDevice();
    const rename = await as.it!.inject({ method: 'PATCH', url: `/api/devices/${second.id}`, payload: { serial: first.serial } });
    expect(rename.statusCode).toBe(409);
  });

  it('searches by tag, serial and assignee, filters, and pages on the server', async () => {
    const a = await addDevice({ assetTag: 'FIND-AAA', serial: 'ZX-SER-1', schoolId: t.fixture.schools.south });
    await addDevice({ assetTag: 'FIND-BBB', serial: 'ZX-SER-2', schoolId: t.fixture.schools.south });
    const c = await addDevice({ assetTag: 'FIND-CCC', serial: 'ZX-SER-3', schoolId: t.fixture.schools.south });
    await post(as.it!, `/api/devices/${c.id}/checkout`, { assignee: { type: 'student', personId: t.fixture.people.dee } });
    await post(as.it!, `/api/devices/${a.id}/status`, { status: 'in_repair' });
    const tags = async (q: string) => (await get(as.it!, `/api/devices?${q}`)).json<{ items: { assetTag: string }[]; total: number }>();
    expect((await tags('q=find-a')).items.map((d) => d.assetTag)).toEqual(['FIND-AAA']);
    expect((await tags('q=zx-ser-2')).items.map((d) => d.assetTag)).toEqual(['FIND-BBB']);
    expect((await tags('q=diaz')).items.map((d) => d.assetTag)).toEqual(['FIND-CCC']);
    expect((await tags('q=find&status=in_repair')).items.map((d) => d.assetTag)).toEqual(['FIND-AAA']);
    expect((await tags(`q=find&schoolId=${t.fixture.schools.south}&sort=-tag`)).items.map((d) => d.assetTag)).toEqual([
      'FIND-CCC',
      'FIND-BBB',
      'FIND-AAA',
    ]);
    const page2 = await tags('q=find&pageSize=2&page=2');
    expect(page2.total).toBe(3);
    expect(page2.items.map((d) => d.assetTag)).toEqual(['FIND-CCC']);
    const listed = (await get(as.it!, '/api/devices?q=FIND-CCC')).json<{ items: { assignee: unknown }[] }>().items[0];
    expect(listed!.assignee).toMatchObject({ type: 'student', name: 'Dee Diaz', identifier: 'ID-dee' });
  });
});

describe('the status lifecycle', () => {
  it('retires a device, sends it to e-waste, and refuses anything after that with the reason', async () => {
    const d = await addDevice();
    expect((await post(as.it!, `/api/devices/${d.id}/status`, { status: 'retired', note: 'cracked hinge' })).statusCode).toBe(200);
    const back = await post(as.it!, `/api/devices/${d.id}/status`, { status: 'in_stock' });
    expect(back.statusCode).toBe(409);
    expect(back.json().error).toMatchObject({
      code: 'conflict',
      message: 'Cannot change the status from retired to in stock: a retired device can only go to e-waste',
      details: { from: 'retired', to: 'in_stock' },
    });
    expect((await post(as.it!, `/api/devices/${d.id}/status`, { status: 'ewaste' })).statusCode).toBe(200);
    const again = await post(as.it!, `/api/devices/${d.id}/status`, { status: 'in_stock' });
    expect(again.json().error.message).toBe(
      'Cannot change the status from e-waste to in stock: e-waste is final: the device has left the district',
    );
    const detail = (await get(as.it!, `/api/devices/${d.id}`)).json<DeviceDetail>();
    expect(detail.status).toBe('ewaste');
    expect(detail.history.map((e) => `${e.type}:${e.toStatus}`)).toEqual([
      'status_changed:ewaste',
      'status_changed:retired',
      'created:in_stock',
    ]);
    expect(detail.history[1]!.note).toBe('cracked hinge');
    expect((await auditActions(d.id)).map((a) => a.action)).toEqual(['device.create', 'device.status_change', 'device.status_change']);
  });

  it('never assigns by a status change, and takes a checked-out device back only by check-in', async () => {
    const d = await addDevice();
    const assign = await post(as.it!, `/api/devices/${d.id}/status`, { status: 'assigned' });
    expect(assign.statusCode).toBe(409);
    expect(assign.json().error.message).toContain('a device is assigned only by checking it out');
    await post(as.it!, `/api/devices/${d.id}/checkout`, { assignee: { type: 'student', personId: t.fixture.people.ben } });
    const toStock = await post(as.it!, `/api/devices/${d.id}/status`, { status: 'in_stock' });
    expect(toStock.json().error.message).toBe(
      'Cannot change the status from assigned to in stock: check the device in first, so its assignment is closed with its condition',
    );
  });

  it('records a device lost while a student had it in that student’s history, and brings it back when found', async () => {
    const d = await addDevice();
    await post(as.it!, `/api/devices/${d.id}/checkout`, { assignee: { type: 'student', personId: t.fixture.people.cal } });
    const lost = await post(as.it!, `/api/devices/${d.id}/status`, { status: 'lost', note: 'left on the bus' });
    expect(lost.json()).toMatchObject({ status: 'lost', assignee: null, currentAssignment: null });
    expect(lost.json().assignments[0]).toMatchObject({ conditionIn: 'lost', assignee: { name: 'Cal Castro' } });
    const cal = (await get(as.it!, `/api/devices/people/${t.fixture.people.cal}`)).json<PersonDevices>();
    expect(cal.current).toEqual([]);
    expect(cal.history.filter((e) => e.deviceId === d.id).map((e) => e.type)).toEqual(['status_changed', 'checked_out']);
    const checkout = await post(as.it!, `/api/devices/${d.id}/checkout`, { assignee: { type: 'cart', label: 'Cart 3' } });
    expect(checkout.json().error.message).toBe(
      'Cannot change the status from lost to assigned: the device is reported lost: mark it found (in stock) first',
    );
    expect((await post(as.it!, `/api/devices/${d.id}/status`, { status: 'in_stock', note: 'found' })).json().status).toBe('in_stock');
  });
});
