import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { myDevicesSchema } from '../../src/shared/api/device-people';
import type { DeviceDetail } from '../../src/shared/api/devices';
import type { FeeEntry, Statement } from '../../src/shared/api/device-fees';
import type { Part } from '../../src/shared/api/device-parts';
import type { RepairDetail } from '../../src/shared/api/device-repairs';
import { createTestApp, signIn, type Client, type TestApp } from '../helpers/app';
import { decodeBody, startSmtpServer } from '../helpers/smtp';

type MyDevices = z.infer<typeof myDevicesSchema>;

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let t: TestApp;
const as: Record<string, Client> = {};
const keys = ['admin', 'it', 'principalNorth', 'teacherTess', 'guardianGia', 'studentAna', 'adminB'];

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({ env: { SMTP_URL: smtp.url, MAIL_FROM: 'devices@riverside.example.org' } });
  for (const key of keys) as[key] = await signIn(t.app, `${key}@test.example.org`);
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const post = (c: Client, url: string, payload: unknown = {}) => c.inject({ method: 'POST', url, payload: payload as object });
const put = (c: Client, url: string, payload: unknown) => c.inject({ method: 'PUT', url, payload: payload as object });
const get = (c: Client, url: string) => c.inject({ method: 'GET', url });

let seq = 0;
async function addDevice(schoolId: string) {
  seq++;
  const res = await post(as.it!, '/api/devices', { assetTag: `R-${1000 + seq}`, serial: `RS-${1000 + seq}`, schoolId });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string; assetTag: string }>();
}
async function checkOut(deviceId: string, personId: string, extra: Record<string, unknown> = {}) {
  return post(as.it!, `/api/devices/${deviceId}/checkout`, { assignee: { type: 'student', personId }, ...extra });
}
async function openRepair(deviceId: string, body: Record<string, unknown>) {
  const res = await post(as.it!, `/api/devices/${deviceId}/repairs`, { kind: 'accidental', description: 'Cracked screen', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ repair: RepairDetail; warnings: string[] }>();
}
const device = async (id: string) => (await get(as.it!, `/api/devices/${id}`)).json<DeviceDetail>();
const statement = async (personId: string) => (await get(as.it!, `/api/devices/fees/people/${personId}`)).json<Statement>();
async function audit(action: string) {
  const { rows } = await t.testDb.db.query<{ entity_id: string; details: Record<string, unknown>; actor_label: string }>(
    'SELECT entity_id, details, actor_label FROM audit_log WHERE action = $1 ORDER BY id',
    [action],
  );
  return rows;
}

let screen: Part;

describe('repairs and parts', () => {
  it('opens a repair on a student’s device, takes parts from the school’s stock, and gives the device back on close', async () => {
    const { north } = t.fixture.schools;
    const ben = t.fixture.people.ben;
    const created = await post(as.it!, '/api/devices/parts', { name: 'Screen 11.6"', sku: 'scr-116', cost: '38.50', reorderLevel: 2 });
    expect(created.statusCode, created.body).toBe(201);
    screen = created.json<Part>();
    expect((await post(as.it!, '/api/devices/parts', { name: 'Other', sku: 'SCR-116', cost: 1 })).json().error.message).toBe(
      'This SKU is already in the parts catalog',
    );
    expect((await put(as.it!, `/api/devices/parts/${screen.id}/stock`, { schoolId: north, quantity: 3 })).statusCode).toBe(200);
    const stocked = await put(as.it!, `/api/devices/parts/${screen.id}/stock`, { schoolId: null, quantity: 10 });
    expect(stocked.json<Part>().stock).toEqual([
      { schoolId: null, schoolName: null, quantity: 10, belowReorder: false },
      { schoolId: north, schoolName: 'North High', quantity: 3, belowReorder: false },
    ]);

    const d = await addDevice(north);
    expect((await checkOut(d.id, ben, { accessories: ['charger'] })).statusCode).toBe(200);
    const opened = await openRepair(d.id, {
      vendor: 'Acme Repair',
      laborCost: '15.00',
      ticketRef: 'HD-42',
      parts: [{ partId: screen.id, quantity: 1 }],
    });
    expect(opened.repair).toMatchObject({
      status: 'open',
      kind: 'accidental',
      person: { id: ben, name: 'Ben Brooks' },
      schoolName: 'North High',
      previousStatus: 'assigned',
      laborCost: '15.00',
      partsCost: '38.50',
      totalCost: '53.50',
      ticketRef: 'HD-42',
      parts: [{ sku: 'scr-116', quantity: 1, unitCost: '38.50', schoolId: north }],
    });
    expect(opened.warnings).toEqual(['Screen 11.6" (scr-116) at North High is down to 2: reorder']);
    expect((await device(d.id)).status).toBe('in_repair');

    // The reorder list names the site; a part the site lacks is refused and nothing is taken.
    const reorder = (await get(as.it!, '/api/devices/parts/reorder')).json<{ items: unknown[] }>();
    expect(reorder.items).toEqual([
      { partId: screen.id, name: 'Screen 11.6"', sku: 'scr-116', schoolId: north, schoolName: 'North High', quantity: 2, reorderLevel: 2 },
    ]);
    const tooMany = await post(as.it!, `/api/devices/repairs/${opened.repair.id}/parts`, { partId: screen.id, quantity: 3 });
    expect(tooMany.statusCode).toBe(409);
    expect(tooMany.json().error.message).toBe('Only 2 of Screen 11.6" (scr-116) left at North High, and 3 are needed');
    const fromDepot = await post(as.it!, `/api/devices/repairs/${opened.repair.id}/parts`, { partId: screen.id, schoolId: null });
    expect(fromDepot.json<{ repair: RepairDetail }>().repair.partsCost).toBe('77.00');
    const part = (await get(as.it!, '/api/devices/parts?q=screen')).json<{ items: Part[] }>().items[0]!;
    expect(part.stock.map((s) => s.quantity)).toEqual([9, 2]);

    const again = await post(as.it!, `/api/devices/${d.id}/repairs`, { kind: 'other', description: 'twice' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe(`${d.assetTag} already has a repair in progress`);

    const sent = await post(as.it!, `/api/devices/repairs/${opened.repair.id}/status`, { status: 'sent_to_vendor' });
    expect(sent.json<{ repair: RepairDetail }>().repair.status).toBe('sent_to_vendor');
    const back = await post(as.it!, `/api/devices/repairs/${opened.repair.id}/status`, { status: 'sent_to_vendor' });
    expect(back.statusCode).toBe(409);

    const closed = await post(as.it!, `/api/devices/repairs/${opened.repair.id}/status`, { status: 'closed', note: 'Screen replaced' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json<{ repair: RepairDetail }>().repair).toMatchObject({ status: 'closed', closedBy: 'it@test.example.org' });
    const after = await device(d.id);
    expect(after).toMatchObject({ status: 'assigned', assignee: { personId: ben } });
    expect(after.currentAssignment?.accessories).toEqual(['charger']);
    expect(after.history.map((e) => e.type)).toEqual([
      'checked_out',
      'repair_closed',
      'repair_updated',
      'repair_opened',
      'checked_in',
      'checked_out',
      'created',
    ]);
    expect((await post(as.it!, `/api/devices/repairs/${opened.repair.id}/status`, { status: 'cancelled' })).json().error.message).toBe(
      'Cannot change the repair from closed to cancelled: the repair is closed: open a new one if the device needs more work',
    );
    expect((await audit('device_repair.part_used')).filter((a) => a.entity_id === opened.repair.id)).toHaveLength(2);
  });

  it('refuses a repair on a device the status machine will not send to repair, and puts a stock device back in stock', async () => {
    const d = await addDevice(t.fixture.schools.north);
    await post(as.it!, `/api/devices/${d.id}/status`, { status: 'lost' });
    const refused = await post(as.it!, `/api/devices/${d.id}/repairs`, { kind: 'other', description: 'x' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain('Cannot change the status from lost to in repair');

    const spare = await addDevice(t.fixture.schools.north);
    const { repair } = await openRepair(spare.id, { kind: 'warranty', description: 'Battery swells' });
    expect(repair).toMatchObject({ person: null, previousStatus: 'in_stock' });
    const fee = await post(as.it!, `/api/devices/repairs/${repair.id}/fees`);
    expect(fee.statusCode).toBe(409);
    await post(as.it!, `/api/devices/repairs/${repair.id}/status`, { status: 'cancelled' });
    expect((await device(spare.id)).status).toBe('in_stock');
  });
});

describe('fees', () => {
  it('makes the first accidental repair free, charges the second, holds new devices until paid or waived', async () => {
    const cal = t.fixture.people.cal;
    const price = await post(as.it!, '/api/devices/fee-prices', {
      name: 'Accidental damage',
      damageKind: 'accidental',
      amount: '50.00',
      freePerYear: 1,
    });
    expect(price.statusCode, price.body).toBe(201);
    expect(price.json()).toMatchObject({ damageKind: 'accidental', amount: '50.00', freePerYear: 1, active: true });
    const dup = await post(as.it!, '/api/devices/fee-prices', { name: 'Again', damageKind: 'accidental', amount: 1 });
    expect(dup.statusCode).toBe(409);
    const screenPrice = await post(as.it!, '/api/devices/fee-prices', {
      name: 'Screen',
      nameEs: 'Pantalla',
      partId: screen.id,
      amount: 40,
    });
    expect(screenPrice.statusCode).toBe(201);
    expect(screenPrice.json()).toMatchObject({ name: 'Screen', nameEs: 'Pantalla' });
    const patchPrice = (body: object) =>
      as.it!.inject({ method: 'PATCH', url: `/api/devices/fee-prices/${price.json().id}`, payload: body });
    expect((await patchPrice({ nameEs: 'Daño accidental' })).json()).toMatchObject({
      name: 'Accidental damage',
      nameEs: 'Daño accidental',
    });
    // A patch without the Spanish name keeps it; null removes it.
    expect((await patchPrice({ amount: '50.00' })).json()).toMatchObject({ nameEs: 'Daño accidental' });
    expect((await patchPrice({ nameEs: null })).json()).toMatchObject({ nameEs: null });
    expect((await patchPrice({ nameEs: '  ' })).statusCode).toBe(400);

    const first = await addDevice(t.fixture.schools.north);
    await checkOut(first.id, cal);
    const r1 = await openRepair(first.id, { parts: [{ partId: screen.id, schoolId: null }] });
    const c1 = await post(as.it!, `/api/devices/repairs/${r1.repair.id}/fees`);
    expect(c1.statusCode, c1.body).toBe(201);
    const charges1 = c1.json<{ charges: FeeEntry[] }>().charges;
    expect(charges1.map((c) => [c.amount, c.listAmount, c.free])).toEqual([
      ['0.00', '50.00', true],
      ['0.00', '40.00', true],
    ]);
    expect(charges1[0]!.description).toMatch(/^Accidental damage \(R-\d+\): free, 1st of 1 free in \d{4}–\d{2}$/);
    // What families reading Spanish see: the price's Spanish name, without the staff's note on why
    // it was free; nothing when the price has no Spanish name (the statement shows the English one).
    expect(charges1.map((c) => c.descriptionEs)).toEqual([null, expect.stringMatching(/^Pantalla \(R-\d+\)$/)]);
    expect(c1.json().statement).toMatchObject({ balance: '0.00', hold: null });
    expect((await post(as.it!, `/api/devices/repairs/${r1.repair.id}/fees`)).statusCode).toBe(409);

    await post(as.it!, `/api/devices/repairs/${r1.repair.id}/status`, { status: 'closed', returnTo: 'stock' });
    const r2 = await openRepair(first.id, { personId: cal, description: 'Dropped again', parts: [{ partId: screen.id, schoolId: null }] });
    const c2 = (await post(as.it!, `/api/devices/repairs/${r2.repair.id}/fees`)).json<{ charges: FeeEntry[]; statement: Statement }>();
    expect(c2.charges.map((c) => [c.amount, c.free])).toEqual([
      ['50.00', false],
      ['40.00', false],
    ]);
    expect(c2.statement).toMatchObject({ balance: '90.00', charged: '90.00', hold: { reason: 'Unpaid device fees', amount: '90.00' } });

    // The hold stops a new device; an override with a reason works and is audited.
    const other = await addDevice(t.fixture.schools.north);
    const held = await checkOut(other.id, cal);
    expect(held.statusCode).toBe(409);
    expect(held.json().error.message).toBe('Cal Castro has a hold on new devices (Unpaid device fees): give a reason to override it');
    const overridden = await checkOut(other.id, cal, { holdOverrideReason: 'Exam week: pay by Friday' });
    expect(overridden.statusCode).toBe(200);
    expect((await audit('device.hold_override')).at(-1)).toMatchObject({
      entity_id: cal,
      details: { deviceId: other.id, reason: 'Exam week: pay by Friday' },
    });
    await post(as.it!, `/api/devices/${other.id}/checkin`, { condition: 'good' });

    // Payments: never a card number, never more than owed.
    const card = await post(as.it!, '/api/devices/fees/payments', {
      personId: cal,
      amount: '30',
      method: 'online',
      reference: '4111 1111 1111 1111',
    });
    expect(card.statusCode).toBe(400);
    expect(card.json().error.field).toBe('reference');
    expect(card.json().error.message).toContain('never record card data');
    const tooMuch = await post(as.it!, '/api/devices/fees/payments', { personId: cal, amount: '100.00', method: 'cash' });
    expect(tooMuch.statusCode).toBe(409);
    expect(tooMuch.json().error.message).toBe("The payment of 100.00 is more than Cal Castro's balance of 90.00");
    const paid = await post(as.it!, '/api/devices/fees/payments', { personId: cal, amount: 30, method: 'check', reference: 'CHK 10234' });
    expect(paid.statusCode, paid.body).toBe(201);
    expect(paid.json<Statement>()).toMatchObject({ balance: '60.00', paid: '30.00', hold: { amount: '60.00' } });

    expect((await post(as.it!, '/api/devices/fees/waivers', { personId: cal, amount: '60.00' })).statusCode).toBe(400);
    const waived = await post(as.it!, '/api/devices/fees/waivers', { personId: cal, amount: '60.00', reason: 'Family hardship' });
    expect(waived.statusCode).toBe(201);
    const s = waived.json<Statement>();
    expect(s).toMatchObject({ balance: '0.00', charged: '90.00', paid: '30.00', waived: '60.00', hold: null });
    expect(s.lines.map((l) => [l.kind, l.amount, l.balance])).toEqual([
      ['charge', '0.00', '0.00'],
      ['charge', '0.00', '0.00'],
      ['charge', '50.00', '50.00'],
      ['charge', '40.00', '90.00'],
      ['payment', '30.00', '60.00'],
      ['waiver', '60.00', '0.00'],
    ]);
    expect(s.lines[4]).toMatchObject({ method: 'check', reference: 'CHK 10234', recordedBy: 'it@test.example.org' });
    expect(s.lines[5]).toMatchObject({ reason: 'Family hardship' });
    expect((await audit('device_fee.waiver')).at(-1)).toMatchObject({
      entity_id: cal,
      details: { amount: '60.00', reason: 'Family hardship' },
    });
    expect((await audit('device_hold.release')).at(-1)).toMatchObject({ entity_id: cal, details: { source: 'fees' } });
    // Settled: a new device goes out without an override.
    expect((await checkOut(other.id, cal)).statusCode).toBe(200);
  });

  it('charges by hand, releases the hold when paid to zero, and keeps the ledger append-only', async () => {
    const ben = t.fixture.people.ben;
    const charged = await post(as.it!, '/api/devices/fees/charges', { personId: ben, amount: '25.00', description: 'Lost charger' });
    expect(charged.statusCode).toBe(201);
    expect(charged.json<Statement>().hold).toMatchObject({ amount: '25.00' });
    const balances = (await get(as.principalNorth!, '/api/devices/fees/balances')).json<{
      items: { person: { id: string }; balance: string; held: boolean }[];
    }>();
    expect(balances.items).toContainEqual(
      expect.objectContaining({ person: expect.objectContaining({ id: ben }), balance: '25.00', held: true }),
    );
    const paid = await post(as.it!, '/api/devices/fees/payments', { personId: ben, amount: '25.00', method: 'cash', reference: 'R-7781' });
    expect(paid.json<Statement>()).toMatchObject({ balance: '0.00', hold: null });
    const holds = (await get(as.it!, `/api/devices/holds?personId=${ben}&all=true`)).json<{
      items: { releasedAt: string | null; releaseReason: string }[];
    }>();
    expect(holds.items[0]).toMatchObject({ releaseReason: 'Device fees settled' });
    await expect(t.testDb.db.query('UPDATE device_fee_entries SET amount = 0 WHERE person_id = $1', [ben])).rejects.toThrow(/append-only/);
  });
});

describe('closing a repair for a student who owes', () => {
  it('refuses to give the device back while a fee hold stands, unless overridden with a reason', async () => {
    const ben = t.fixture.people.ben;
    const d = await addDevice(t.fixture.schools.north);
    await checkOut(d.id, ben);
    const { repair } = await openRepair(d.id, { kind: 'intentional', description: 'Keys pulled off' });
    await post(as.it!, '/api/devices/fees/charges', { personId: ben, amount: '10.00', description: 'Keys', repairId: repair.id });
    const refused = await post(as.it!, `/api/devices/repairs/${repair.id}/status`, { status: 'closed' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ field: 'holdOverrideReason', details: { reason: 'hold' } });
    expect((await device(d.id)).status).toBe('in_repair');
    const closed = await post(as.it!, `/api/devices/repairs/${repair.id}/status`, {
      status: 'closed',
      holdOverrideReason: 'Own device back; fee due Friday',
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().warnings).toContain('Issued despite a hold: Own device back; fee due Friday');
    expect(await device(d.id)).toMatchObject({ status: 'assigned', assignee: { personId: ben } });
    expect((await audit('device.hold_override')).at(-1)).toMatchObject({ entity_id: ben, details: { deviceId: d.id } });
    await post(as.it!, '/api/devices/fees/payments', { personId: ben, amount: '10.00', method: 'cash' });
  });
});

describe('loaners and the ready-for-pickup notice', () => {
  it('lends a pool loaner with a repair, lists it when overdue by school, and emails the student and guardian in their languages', async () => {
    const { north, south } = t.fixture.schools;
    const { ana, dee } = t.fixture.people;
    await t.testDb.db.query(`UPDATE accounts SET language = 'es' WHERE lower(email) = 'guardiangia@test.example.org'`);
    const loanerN = await addDevice(north);
    const loanerS = await addDevice(south);
    expect((await put(as.it!, `/api/devices/loaners/${loanerN.id}`, { schoolId: north })).statusCode).toBe(200);
    expect((await put(as.it!, `/api/devices/loaners/${loanerS.id}`, { schoolId: south })).statusCode).toBe(200);

    const anaDevice = await addDevice(north);
    await checkOut(anaDevice.id, ana);
    const { repair } = await openRepair(anaDevice.id, { kind: 'other', description: 'Keyboard sticks' });
    const notPooled = await addDevice(north);
    const refused = await post(as.it!, `/api/devices/repairs/${repair.id}/loaner`, { deviceId: notPooled.id, dueOn: '2020-01-10' });
    expect(refused.statusCode).toBe(409);
    const lent = await post(as.it!, `/api/devices/repairs/${repair.id}/loaner`, { deviceId: loanerN.id, dueOn: '2020-01-10' });
    expect(lent.statusCode, lent.body).toBe(200);
    expect(lent.json<{ repair: RepairDetail }>().repair.loans).toEqual([
      expect.objectContaining({ deviceId: loanerN.id, dueOn: '2020-01-10', returnedAt: null, overdue: true }),
    ]);
    expect((await device(loanerN.id)).currentAssignment).toMatchObject({ kind: 'loaner', assignee: { personId: ana } });
    expect((await device(anaDevice.id)).history[0]).toMatchObject({ type: 'loaner_out', details: { loanerTag: loanerN.assetTag } });

    const deeDevice = await addDevice(south);
    await checkOut(deeDevice.id, dee);
    const deeRepair = (await openRepair(deeDevice.id, { kind: 'other', description: 'Hinge' })).repair;
    await post(as.it!, `/api/devices/repairs/${deeRepair.id}/loaner`, { deviceId: loanerS.id, dueOn: '2021-03-01' });

    const overdueIt = (await get(as.it!, '/api/devices/loaners/overdue')).json<{
      items: { device: { id: string }; person: { name: string }; daysOverdue: number; repairId: string }[];
    }>();
    expect(overdueIt.items.map((o) => o.device.id)).toEqual([loanerN.id, loanerS.id]);
    expect(overdueIt.items[0]).toMatchObject({ person: { name: 'Ana Alvarez' }, repairId: repair.id });
    expect(overdueIt.items[0]!.daysOverdue).toBeGreaterThan(365);
    const overdueNorth = (await get(as.principalNorth!, '/api/devices/loaners/overdue')).json<{ items: { device: { id: string } }[] }>();
    expect(overdueNorth.items.map((o) => o.device.id)).toEqual([loanerN.id]);
    const poolNorth = (await get(as.principalNorth!, '/api/devices/loaners')).json<{
      items: { device: { id: string }; loan: { overdue: boolean } }[];
    }>();
    expect(
      poolNorth.items?.map((p) => [p.device.id, p.loan.overdue]),
      JSON.stringify(poolNorth),
    ).toEqual([[loanerN.id, true]]);

    // Ready for pickup: the student (English account) and the guardian (Spanish account) are emailed.
    const ready = await post(as.it!, `/api/devices/repairs/${repair.id}/status`, { status: 'ready_for_pickup' });
    expect(ready.json()).toMatchObject({ pickupNotice: 'queued', repair: { status: 'ready_for_pickup' } });
    await t.app.jobs.drain();
    const toAna = smtp.inbox.find((m) => m.to.some((x) => x.toLowerCase() === 'studentana@test.example.org'));
    const toGia = smtp.inbox.find((m) => m.to.some((x) => x.toLowerCase() === 'guardiangia@test.example.org'));
    expect(toAna && decodeBody(toAna.raw)).toContain(
      `Your device ${anaDevice.assetTag} has been repaired and is ready for pickup at North High.`,
    );
    expect(toAna && decodeBody(toAna.raw)).toContain(`bring back the loaner ${loanerN.assetTag}`);
    expect(toGia && decodeBody(toGia.raw)).toContain(`El dispositivo ${anaDevice.assetTag} de Ana Alvarez ya fue reparado`);
    expect(toGia!.from).toBe('devices@riverside.example.org');
    const detail = (await get(as.it!, `/api/devices/repairs/${repair.id}`)).json<RepairDetail>();
    expect(detail.notices.map((n) => [n.email.toLowerCase(), n.language])).toEqual([
      ['guardiangia@test.example.org', 'es'],
      ['studentana@test.example.org', 'en'],
    ]);
    const sent = smtp.inbox.length;
    await t.app.jobs.drain();
    expect(smtp.inbox.length).toBe(sent);

    // Picked up: the loaner comes back with it, the device goes back to Ana, the loaner is no longer overdue.
    const closed = await post(as.it!, `/api/devices/repairs/${repair.id}/status`, { status: 'closed', loanerCondition: 'good' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(await device(anaDevice.id)).toMatchObject({ status: 'assigned', assignee: { personId: ana } });
    expect((await device(loanerN.id)).status).toBe('in_stock');
    const overdueAfter = (await get(as.it!, '/api/devices/loaners/overdue')).json<{ items: { device: { id: string } }[] }>();
    expect(overdueAfter.items.map((o) => o.device.id)).toEqual([loanerS.id]);
  });
});

describe('what students and families see', () => {
  it('shows a student and a guardian their own balance, statement and repairs, and no one else’s', async () => {
    const { ana, dee, cal } = t.fixture.people;
    await post(as.it!, '/api/devices/fees/charges', { personId: ana, amount: '12.50', description: 'Replacement case' });
    await post(as.it!, '/api/devices/fees/payments', { personId: ana, amount: '2.50', method: 'cash', reference: 'R-100' });
    const mine = (await get(as.studentAna!, '/api/devices/mine')).json<MyDevices>();
    expect(mine.items.map((i) => i.person.id)).toEqual([ana]);
    expect(mine.items[0]!.fees).toEqual({
      balance: '10.00',
      lines: [
        expect.objectContaining({ kind: 'charge', description: 'Replacement case', amount: '12.50', balance: '12.50' }),
        expect.objectContaining({ kind: 'payment', amount: '2.50', method: 'cash', reference: 'R-100', balance: '10.00' }),
      ],
    });
    expect(JSON.stringify(mine)).not.toContain('it@test.example.org');

    const gia = (await get(as.guardianGia!, '/api/devices/mine')).json<MyDevices>();
    const byPerson = Object.fromEntries(gia.items.map((i) => [i.person.id, i]));
    expect(Object.keys(byPerson).sort()).toEqual([ana, dee, t.fixture.people.gia].sort());
    expect(byPerson[ana]!.fees.balance).toBe('10.00');
    expect(byPerson[dee]!.repairs.map((r) => r.description)).toEqual(['Hinge']);
    expect(JSON.stringify(gia)).not.toContain(cal);
    // Their own statement through the staff endpoint is still refused.
    expect((await get(as.studentAna!, `/api/devices/fees/people/${ana}`)).statusCode).toBe(403);
  });
});

describe('who may do what', () => {
  it('refuses teachers and students, answers 404 outside a principal’s school or the district', async () => {
    const { north, south } = t.fixture.schools;
    const { ben, dee, ana } = t.fixture.people;
    const d = await addDevice(north);
    const { repair } = await openRepair(d.id, { kind: 'other', description: 'Scope check' });
    const southDevice = await addDevice(south);
    const southRepair = (await openRepair(southDevice.id, { kind: 'other', description: 'South scope', personId: dee })).repair;

    const reads = [
      '/api/devices/repairs',
      `/api/devices/repairs/${repair.id}`,
      '/api/devices/parts',
      '/api/devices/parts/reorder',
      '/api/devices/loaners',
      '/api/devices/loaners/overdue',
      '/api/devices/fee-prices',
      '/api/devices/fees/balances',
      `/api/devices/fees/people/${ben}`,
    ];
    const writes: [string, unknown][] = [
      [`/api/devices/${d.id}/repairs`, { kind: 'other', description: 'x' }],
      [`/api/devices/repairs/${repair.id}/status`, { status: 'cancelled' }],
      [`/api/devices/repairs/${repair.id}/parts`, { partId: screen.id }],
      [`/api/devices/repairs/${repair.id}/loaner`, { deviceId: d.id, dueOn: '2030-01-01' }],
      [`/api/devices/repairs/${repair.id}/fees`, {}],
      ['/api/devices/parts', { name: 'x', sku: 'x', cost: 1 }],
      ['/api/devices/fee-prices', { name: 'x', damageKind: 'other', amount: 1 }],
      ['/api/devices/fees/charges', { personId: ben, amount: 1, description: 'x' }],
      ['/api/devices/fees/payments', { personId: ben, amount: 1, method: 'cash' }],
      ['/api/devices/fees/waivers', { personId: ben, amount: 1, reason: 'xyz' }],
    ];
    for (const key of ['teacherTess', 'studentAna', 'guardianGia']) {
      for (const url of reads) expect((await get(as[key]!, url)).statusCode, `${key} GET ${url}`).toBe(403);
      for (const [url, body] of writes) expect((await post(as[key]!, url, body)).statusCode, `${key} POST ${url}`).toBe(403);
    }
    for (const [url, body] of writes) expect((await post(as.principalNorth!, url, body)).statusCode, `principal POST ${url}`).toBe(403);
    expect((await put(as.principalNorth!, `/api/devices/loaners/${d.id}`, { schoolId: north })).statusCode).toBe(403);

    // A principal reads their school and gets 404 for another's, as if it did not exist.
    expect((await get(as.principalNorth!, `/api/devices/repairs/${repair.id}`)).statusCode).toBe(200);
    expect((await get(as.principalNorth!, `/api/devices/repairs/${southRepair.id}`)).statusCode).toBe(404);
    expect((await get(as.principalNorth!, `/api/devices/fees/people/${ana}`)).statusCode).toBe(200);
    expect((await get(as.principalNorth!, `/api/devices/fees/people/${dee}`)).statusCode).toBe(404);
    const listed = (await get(as.principalNorth!, '/api/devices/repairs?open=true')).json<{ items: { id: string; schoolId: string }[] }>();
    expect(listed.items.map((r) => r.id)).toContain(repair.id);
    expect(listed.items.every((r) => r.schoolId === north)).toBe(true);
    expect((await get(as.principalNorth!, '/api/devices/parts')).json<{ items: Part[] }>().items[0]!.stock.map((s) => s.schoolId)).toEqual([
      north,
    ]);
    const reads0 = (await audit('student.read')).filter((a) => a.details.section === 'device_fees');
    expect(reads0.map((a) => a.entity_id)).toContain(ana);

    // Another district's administrator reaches none of it.
    const b = as.adminB!;
    expect((await get(b, `/api/devices/repairs/${repair.id}`)).statusCode).toBe(404);
    expect((await get(b, '/api/devices/repairs')).json().items).toEqual([]);
    expect((await get(b, '/api/devices/parts')).json().items).toEqual([]);
    expect((await get(b, '/api/devices/loaners/overdue')).json().items).toEqual([]);
    expect((await get(b, '/api/devices/fee-prices')).json().items).toEqual([]);
    expect((await get(b, '/api/devices/fees/balances')).json().items).toEqual([]);
    expect((await get(b, `/api/devices/fees/people/${ana}`)).statusCode).toBe(404);
    expect((await post(b, `/api/devices/repairs/${repair.id}/status`, { status: 'cancelled' })).statusCode).toBe(404);
    expect((await post(b, `/api/devices/repairs/${repair.id}/fees`)).statusCode).toBe(404);
    expect((await post(b, `/api/devices/${d.id}/repairs`, { kind: 'other', description: 'x' })).statusCode).toBe(404);
    expect((await post(b, `/api/devices/repairs/${repair.id}/parts`, { partId: screen.id })).statusCode).toBe(404);
    expect((await put(b, `/api/devices/parts/${screen.id}/stock`, { schoolId: null, quantity: 0 })).statusCode).toBe(404);
    expect((await post(b, '/api/devices/fees/payments', { personId: ana, amount: 1, method: 'cash' })).statusCode).toBe(400);
    expect((await put(b, `/api/devices/loaners/${d.id}`, { schoolId: t.fixture.schools.hill })).statusCode).toBe(404);
    expect((await statement(ana)).balance).toBe('10.00');
  });
});
