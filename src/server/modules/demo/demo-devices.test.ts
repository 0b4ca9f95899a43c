import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Client, type TestApp } from '../../../../test/helpers/app';
import type { z } from 'zod';
import type { DeviceAudit } from '../../../shared/api/device-audits';
import type { ScanResult } from '../../../shared/api/device-checkout';
import type { Hold } from '../../../shared/api/device-holds';
import type { myDevicesSchema } from '../../../shared/api/device-people';
import type { DeviceDetail, DeviceSummary } from '../../../shared/api/devices';
import { DEMO_PASSWORD } from './demo-accounts';
import { demoSchoolYear } from './demo-device-calendar';
import { demoModels, type ModelKey } from './demo-device-models';
import { planFleet, type FleetRoster } from './demo-device-fleet';
import { createRng } from './generate-random';
import { describeDemoSignIn, seedDemoDistrict, type DemoResult } from './seed-demo';

type MyDevices = z.infer<typeof myDevicesSchema>;

let t: TestApp;
let it_: Client;
let demo: DemoResult;
const students = 300;
const domain = 'lakeside.example.org';

beforeAll(async () => {
  t = await createTestApp({ seed: false });
  demo = await seedDemoDistrict(t.testDb.db, { students });
  it_ = await signIn(t.app, `it@${domain}`, DEMO_PASSWORD);
});
afterAll(async () => {
  await t?.close();
});

const get = async <T>(c: Client, url: string) => {
  const res = await c.inject({ method: 'GET', url });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<T>();
};
const rows = async <T>(sql: string) => (await t.testDb.db.query<T>(sql, [demo.districtId])).rows;
const version = () => {
  const y = demoSchoolYear(Date.now());
  return `${y}-${String((y + 1) % 100).padStart(2, '0')}`;
};

describe('the demo district’s devices', () => {
  it('is a 1:1 fleet: about a device per student, most of them out, a few in repair, lost, retired or recycled', async () => {
    const summary = await get<{ byStatus: { status: string; devices: number }[] }>(it_, '/api/devices/summary');
    const by = Object.fromEntries(summary.byStatus.map((s) => [s.status, s.devices]));
    expect(by).toEqual(demo.devices.byStatus);
    const total = Object.values(by).reduce((a, b) => a + b, 0);
    expect(total).toBe(demo.devices.devices);
    // A Chromebook per student (carts for the youngest), teacher laptops, spares, hotspots and old stock.
    expect(total).toBeGreaterThan(students * 1.1);
    expect(total).toBeLessThan(students * 1.8);
    expect(by.assigned! / total).toBeGreaterThan(0.8);
    for (const status of ['in_stock', 'in_repair', 'loaner', 'lost', 'stolen', 'retired', 'ewaste'])
      expect(by[status], status).toBeGreaterThan(0);
    expect(by.in_repair! + by.lost! + by.stolen!).toBeLessThan(total * 0.08);

    const models = await rows<{ name: string; category: string; aue_date: string | null; devices: number; past_aue: boolean }>(
      `SELECT m.name, m.category, m.aue_date, count(d.id)::int AS devices, m.aue_date < current_date AS past_aue
         FROM device_models m LEFT JOIN devices d ON d.model_id = m.id WHERE m.district_id = $1 GROUP BY m.id ORDER BY m.name`,
    );
    expect(new Set(models.map((m) => m.category))).toEqual(new Set(['chromebook', 'laptop', 'hotspot']));
    expect(models.every((m) => m.devices > 0)).toBe(true);
    const chromebooks = models.filter((m) => m.category === 'chromebook');
    expect(chromebooks.length).toBeGreaterThanOrEqual(4);
    // Some already past their auto-update expiration, the rest spread over the coming years.
    expect(chromebooks.filter((m) => m.past_aue).length).toBeGreaterThanOrEqual(1);
    expect(new Set(chromebooks.filter((m) => !m.past_aue).map((m) => m.aue_date!.slice(0, 4))).size).toBeGreaterThanOrEqual(3);
  });

  it('has tags like a real district’s, each once, and believable purchase records', async () => {
    const devices = await rows<{ asset_tag: string; serial: string; funding_source: string; purchase_date: string; cost: string }>(
      'SELECT asset_tag, serial, funding_source, purchase_date, cost FROM devices WHERE district_id = $1',
    );
    expect(devices.every((d) => /^LS-\d{6}$/.test(d.asset_tag))).toBe(true);
    expect(new Set(devices.map((d) => d.asset_tag)).size).toBe(devices.length);
    expect(new Set(devices.map((d) => d.serial.toUpperCase())).size).toBe(devices.length);
    const years = new Set(devices.map((d) => d.purchase_date.slice(0, 4)));
    expect(years.size).toBeGreaterThanOrEqual(6);
    expect(new Set(devices.map((d) => d.funding_source))).toEqual(new Set(['esser', 'e_rate', 'general_fund', 'bond']));
    expect(devices.every((d) => Number(d.cost) > 50)).toBe(true);
  });

  it('shows who holds each device out: the open check-out matches the status, and the history agrees', async () => {
    const mismatched = await rows<{ asset_tag: string }>(
      `SELECT d.asset_tag FROM devices d
         LEFT JOIN device_assignments a ON a.device_id = d.id AND a.checked_in_at IS NULL
         LEFT JOIN people p ON p.id = a.person_id
        WHERE d.district_id = $1
          AND NOT CASE d.status
            WHEN 'assigned' THEN a.kind = 'assigned' AND (a.assignee_type NOT IN ('student', 'staff')
                                   OR (p.status = 'active' AND (p.primary_role = 'student') = (a.assignee_type = 'student')))
            WHEN 'loaner' THEN a.kind = 'loaner' AND p.primary_role = 'student'
            ELSE a.id IS NULL END`,
    );
    expect(mismatched).toEqual([]);
    // Every history starts with the device's import, time only moves forward, each move of status
    // starts where the last one ended (repair and loaner events that move nothing carry no status),
    // and the last move leaves the device in its status.
    const broken = await rows<{ asset_tag: string }>(
      `WITH e AS (
         SELECT e.*, lag(e.at) OVER w AS prev_at, row_number() OVER w AS n
           FROM device_events e WHERE e.district_id = $1 WINDOW w AS (PARTITION BY e.device_id ORDER BY e.seq)),
       m AS (
         SELECT e.*, lag(e.to_status) OVER w AS prev_status, row_number() OVER w AS n,
                row_number() OVER (PARTITION BY e.device_id ORDER BY e.seq DESC) AS from_end
           FROM device_events e WHERE e.district_id = $1 AND e.to_status IS NOT NULL WINDOW w AS (PARTITION BY e.device_id ORDER BY e.seq))
       SELECT d.asset_tag FROM e JOIN devices d ON d.id = e.device_id
        WHERE (e.n = 1 AND e.type <> 'imported') OR (e.n > 1 AND e.at <= e.prev_at)
       UNION
       SELECT d.asset_tag FROM m JOIN devices d ON d.id = m.device_id
        WHERE (m.n > 1 AND m.from_status IS DISTINCT FROM m.prev_status) OR (m.from_end = 1 AND m.to_status <> d.status)`,
    );
    expect(broken).toEqual([]);
    const [counts] = await rows<{ devices: number; with_history: number }>(
      `SELECT count(*)::int AS devices, count(*) FILTER (WHERE EXISTS (SELECT 1 FROM device_events e WHERE e.device_id = d.id))::int AS with_history
         FROM devices d WHERE d.district_id = $1`,
    );
    expect(counts!.with_history).toBe(counts!.devices);

    // A device page: a student's Chromebook handed out with its charger, last year's check-in closed.
    const page = await get<{ items: DeviceSummary[] }>(it_, '/api/devices?status=assigned&pageSize=200');
    const student = page.items.find((d) => d.assignee?.type === 'student' && d.category === 'chromebook')!;
    const detail = await get<DeviceDetail>(it_, `/api/devices/${student.id}`);
    expect(detail.currentAssignment).toMatchObject({ kind: 'assigned', accessories: ['charger'], checkedInAt: null });
    expect(detail.history.at(-1)!.type).toBe('imported');
    // Newest first; the demo's audits (today) may have scanned it since.
    const moves = detail.history.filter((e) => e.type !== 'audit_seen');
    expect(moves[0]).toMatchObject({ type: 'checked_out', toStatus: 'assigned', personId: student.assignee!.personId });
    expect(detail.purchaseDate).toBeTruthy();
    expect(detail.warrantyEnd! > detail.purchaseDate!).toBe(true);
    // Elementary carts hold devices by label.
    const carts = await rows<{ label: string }>(
      `SELECT DISTINCT a.label FROM device_assignments a WHERE a.district_id = $1 AND a.assignee_type = 'cart' AND a.checked_in_at IS NULL`,
    );
    expect(carts.length).toBeGreaterThan(0);
    expect(carts.every((c) => /cart, /.test(c.label))).toBe(true);
  });

  it('gives the demo student and the demo parent’s children a device and a signed agreement', async () => {
    for (const local of ['student', 'parent']) {
      const c = await signIn(t.app, `${local}@${domain}`, DEMO_PASSWORD);
      const mine = await get<MyDevices>(c, '/api/devices/mine');
      const withDevices = mine.items.filter((i) => i.devices.length > 0);
      expect(withDevices.length, local).toBeGreaterThanOrEqual(local === 'parent' ? 2 : 1);
      for (const item of withDevices) {
        expect(item.devices[0]).toMatchObject({ kind: 'assigned', accessories: ['charger'] });
        expect(item.devices[0]!.assetTag).toMatch(/^LS-\d{6}$/);
        expect(item.agreement).toMatchObject({ version: version() });
      }
    }
  });

  it('has signed use agreements for most students, from the student or a linked guardian', async () => {
    const [a] = await rows<{ students: number; signed: number; by_guardian: number; unlinked: number }>(
      `SELECT (SELECT count(*)::int FROM people WHERE district_id = $1 AND primary_role = 'student') AS students,
              count(DISTINCT u.person_id) FILTER (WHERE u.version = '${version()}')::int AS signed,
              count(*) FILTER (WHERE u.signed_by = 'guardian')::int AS by_guardian,
              count(*) FILTER (WHERE u.signed_by = 'guardian' AND NOT EXISTS (
                SELECT 1 FROM guardian_links gl WHERE gl.guardian_id = u.signer_person_id AND gl.student_id = u.person_id))::int AS unlinked
         FROM use_agreements u WHERE u.district_id = $1`,
    );
    expect(a!.signed / a!.students).toBeGreaterThan(0.85);
    expect(a!.signed).toBeLessThan(a!.students);
    expect(a!.by_guardian).toBeGreaterThan(0);
    expect(a!.unlinked).toBe(0);
    expect(demo.devices.agreements).toBeGreaterThanOrEqual(a!.signed);
  });

  it('has a few active holds with a fee-like reason and amount', async () => {
    const { items } = await get<{ items: Hold[] }>(it_, '/api/devices/holds');
    expect(items.length).toBe(demo.repairs.activeHolds);
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThan(students * 0.05);
    for (const h of items) {
      expect(h.reason).toMatch(/Lost Chromebook LS-\d{6}: replacement cost|Charger not returned|Unpaid device fees/);
      expect(Number(h.amount)).toBeGreaterThan(0);
    }
  });

  it('prints in-stock tags that work at the scan station', async () => {
    const station = demo.devices.scanStation!;
    expect(station.school).toBe('Lakeside High School');
    expect(describeDemoSignIn(demo, 'http://127.0.0.1:3000')).toContain(station.tags[0]);
    const [student] = await rows<{ identifier: string }>(
      `SELECT p.identifier FROM accounts a JOIN people p ON p.id = a.person_id WHERE a.district_id = $1 AND a.email = 'student@${domain}'`,
    );
    const mine = await get<MyDevices>(await signIn(t.app, `student@${domain}`, DEMO_PASSWORD), '/api/devices/mine');
    const scan = async (payload: object) => {
      const res = await it_.inject({ method: 'POST', url: '/api/devices/scan', payload });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<ScanResult>();
    };
    // A swap at the station: the student's own device back, a spare from the shelf out.
    expect(await scan({ mode: 'checkin', tag: mine.items[0]!.devices[0]!.assetTag, accessories: ['charger'] })).toMatchObject({
      result: 'checked_in',
    });
    const out = await scan({
      mode: 'checkout',
      tag: station.tags[0]!.toLowerCase(),
      studentId: student!.identifier,
      accessories: ['charger'],
    });
    expect(out).toMatchObject({ result: 'checked_out', warnings: [] });
  });

  it('has a physical audit finished today and one in progress, scanned as a technician scans', async () => {
    const audits = await get<{ items: DeviceAudit[]; total: number }>(it_, '/api/devices/audits');
    expect(audits.total).toBe(2);
    const closed = audits.items.find((a) => a.status === 'closed')!;
    const open = audits.items.find((a) => a.status === 'open')!;
    expect(closed.schoolName).toBe(demo.audits.closed!.school);
    expect(closed.counts).toEqual({
      expected: demo.audits.closed!.expected,
      seenHere: demo.audits.closed!.expected - 3,
      seenElsewhere: 2,
      missing: 3,
    });
    expect(closed.closeNote).toMatch(/Three not found/);
    expect(open).toMatchObject({ overdue: false, counts: { seenHere: demo.audits.open!.scanned, seenElsewhere: 0 } });
    expect(open.counts.seenHere).toBeGreaterThan(0);
    expect(open.counts.missing).toBe(open.counts.expected - open.counts.seenHere);
    // The principal's school is the one being counted, so the principal sees it in progress.
    const principal = await signIn(t.app, `principal@${domain}`, DEMO_PASSWORD);
    const theirs = await get<{ items: DeviceAudit[] }>(principal, '/api/devices/audits');
    expect(theirs.items.map((a) => a.id)).toContain(open.id);
    // A device found at the wrong school says so in its own history.
    const [away] = await rows<{ device_id: string }>(
      `SELECT i.device_id FROM device_audit_items i WHERE i.district_id = $1 AND i.result = 'seen_elsewhere' LIMIT 1`,
    );
    const device = await get<DeviceDetail>(it_, `/api/devices/${away!.device_id}`);
    expect(device.history[0]).toMatchObject({ type: 'audit_seen', details: { schoolName: closed.schoolName, result: 'seen_elsewhere' } });
  });

  it('is the same fleet for the same seed, and another for another seed', () => {
    const roster: FleetRoster = {
      schools: [{ id: 's1', name: 'North High', level: 'high' }],
      students: Array.from({ length: 200 }, (_, i) => ({ id: `p${i}`, name: `Student ${i}`, grade: 9 + (i % 4), schoolId: 's1' })),
      staff: [{ id: 't1', schoolId: 's1' }],
      guardians: new Map(),
      homerooms: [],
      featured: new Set(),
      featuredGuardian: null,
    };
    const modelIds = Object.fromEntries(Object.keys(demoModels).map((k) => [k, k])) as Record<ModelKey, string>;
    const fleet = (seed: number) =>
      planFleet(createRng(seed), {
        roster,
        modelIds,
        now: Date.UTC(2026, 11, 1),
        actor: { accountId: null, label: 'it' },
      }).plan.devices.map((d) => [d.row.asset_tag, d.row.serial, d.row.status, d.row.updated_at].join(' '));
    expect(fleet(7)).toEqual(fleet(7));
    expect(fleet(8)).not.toEqual(fleet(7));
  });
});
