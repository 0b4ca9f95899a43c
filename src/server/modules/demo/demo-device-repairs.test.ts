import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { createTestApp, signIn, type Client, type TestApp } from '../../../../test/helpers/app';
import type { balancesPageSchema, Statement } from '../../../shared/api/device-fees';
import type { RepairSummary } from '../../../shared/api/device-repairs';
import { DEMO_PASSWORD } from './demo-accounts';
import { seedDemoDistrict, type DemoResult } from './seed-demo';

type Balances = z.infer<typeof balancesPageSchema>;

let t: TestApp;
let it_: Client;
let demo: DemoResult;
const domain = 'lakeside.example.org';

beforeAll(async () => {
  t = await createTestApp({ seed: false });
  demo = await seedDemoDistrict(t.testDb.db, { students: 900 });
  it_ = await signIn(t.app, `it@${domain}`, DEMO_PASSWORD);
}, 120_000);
afterAll(async () => {
  await t?.close();
});

const get = async <T>(url: string, c = it_) => {
  const res = await c.inject({ method: 'GET', url });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<T>();
};
const rows = async <T>(sql: string) => (await t.testDb.db.query<T>(sql, [demo.districtId])).rows;

describe('the demo district’s repair desk', () => {
  it('has one repair in progress for every device in repair, and none for any other device', async () => {
    const wrong = await rows<{ asset_tag: string; status: string; in_progress: number }>(
      `SELECT d.asset_tag, d.status, count(r.id)::int AS in_progress FROM devices d
         LEFT JOIN device_repairs r ON r.device_id = d.id AND r.status NOT IN ('closed', 'cancelled')
        WHERE d.district_id = $1 GROUP BY d.id HAVING count(r.id) <> CASE WHEN d.status = 'in_repair' THEN 1 ELSE 0 END`,
    );
    expect(wrong).toEqual([]);
    const open = await get<{ items: RepairSummary[]; total: number }>('/api/devices/repairs?open=true&pageSize=200');
    expect(open.total).toBe(demo.devices.byStatus.in_repair);
    expect(open.total).toBe(demo.repairs.repairs.inProgress);
    // A desk in motion: statuses and kinds mixed, warranty work with the maker, students named.
    expect(new Set(open.items.map((r) => r.status))).toEqual(new Set(['open', 'sent_to_vendor', 'ready_for_pickup']));
    expect(new Set(open.items.map((r) => r.kind))).toContain('accidental');
    for (const r of open.items.filter((x) => x.kind === 'warranty')) expect(r.vendor).toBeTruthy();
    expect(open.items.filter((r) => r.person).length).toBeGreaterThan(open.total / 2);
    const all = await get<{ items: RepairSummary[]; total: number }>('/api/devices/repairs?open=false&pageSize=200');
    expect(all.total).toBe(demo.repairs.repairs.closed);
    expect(all.total).toBeGreaterThan(open.total);
    expect(all.items.some((r) => Number(r.partsCost) > 0)).toBe(true);
  });

  it('tells each repair in the device’s history, after what happened before, and lends loaners with repairs', async () => {
    const missing = await rows<{ id: string }>(
      `SELECT r.id FROM device_repairs r WHERE r.district_id = $1 AND r.status <> 'closed' AND NOT EXISTS (
         SELECT 1 FROM device_events e WHERE e.device_id = r.device_id AND e.type = 'repair_opened' AND e.details->>'repairId' = r.id::text
            AND e.at > (SELECT max(c.at) FROM device_events c WHERE c.device_id = r.device_id AND c.type = 'checked_in'
                           AND c.condition = 'damaged' AND c.seq < e.seq))`,
    );
    expect(missing).toEqual([]);
    // Every loaner out goes with its student's repair in progress, and comes from a school's loaner pool.
    const loaners = await rows<{ ok: boolean; pooled: boolean; noted: boolean }>(
      `SELECT r.person_id = a.person_id AND r.status <> 'closed' AS ok,
              EXISTS (SELECT 1 FROM device_loaner_pool lp WHERE lp.device_id = a.device_id) AS pooled,
              EXISTS (SELECT 1 FROM device_events e WHERE e.device_id = r.device_id AND e.type = 'loaner_out'
                        AND e.details->>'loanerDeviceId' = a.device_id::text) AS noted
         FROM device_assignments a LEFT JOIN device_repair_loans rl ON rl.assignment_id = a.id
         LEFT JOIN device_repairs r ON r.id = rl.repair_id
        WHERE a.district_id = $1 AND a.kind = 'loaner' AND a.checked_in_at IS NULL`,
    );
    expect(loaners.length).toBe(demo.devices.byStatus.loaner);
    expect(loaners.length).toBeGreaterThan(0);
    expect(loaners.every((l) => l.ok && l.pooled && l.noted)).toBe(true);
    const pools = await get<{ items: { loan: unknown }[] }>('/api/devices/loaners');
    expect(pools.items.length).toBe(demo.repairs.loanerPool);
    expect(pools.items.filter((p) => p.loan).length).toBe(loaners.length);
  });

  it('keeps a parts catalog whose stock is never negative, a few sites due to reorder', async () => {
    const [s] = await rows<{ negative: number; sites: number; low: number; parts: number }>(
      `SELECT count(*) FILTER (WHERE st.quantity < 0)::int AS negative, count(*)::int AS sites,
              count(*) FILTER (WHERE st.quantity <= p.reorder_level)::int AS low,
              (SELECT count(*)::int FROM device_parts WHERE district_id = $1) AS parts
         FROM device_part_stock st JOIN device_parts p ON p.id = st.part_id WHERE st.district_id = $1`,
    );
    expect(s!.negative).toBe(0);
    expect(s!.parts).toBe(demo.repairs.parts);
    expect(s!.low).toBeGreaterThan(0);
    expect(s!.low).toBeLessThan(s!.sites / 4);
    // What repairs used was taken from a site that stocks the part.
    const [unstocked] = await rows<{ n: number }>(
      `SELECT count(*)::int AS n FROM device_repair_parts rp WHERE rp.district_id = $1 AND NOT EXISTS (
         SELECT 1 FROM device_part_stock st WHERE st.part_id = rp.part_id AND st.school_id IS NOT DISTINCT FROM rp.school_id)`,
    );
    expect(unstocked!.n).toBe(0);
  });

  it('charges by the price list: the first accidental repair of a school year free, the next ones charged', async () => {
    const charges = await rows<{ person_id: string; school_year: number; free: boolean; amount: string; list_amount: string }>(
      `SELECT e.person_id, e.school_year, e.free, e.amount, e.list_amount FROM device_fee_entries e
         JOIN device_fee_prices fp ON fp.id = e.price_id
        WHERE e.district_id = $1 AND e.kind = 'charge' AND fp.damage_kind = 'accidental' ORDER BY e.person_id, e.seq`,
    );
    const seen = new Set<string>();
    let charged = 0;
    for (const c of charges) {
      const key = `${c.person_id} ${c.school_year}`;
      expect(c.free, key).toBe(!seen.has(key));
      expect(c.amount).toBe(c.free ? '0.00' : c.list_amount);
      if (!c.free) charged++;
      seen.add(key);
    }
    expect(charges.length).toBeGreaterThan(0);
    expect(charged).toBeGreaterThan(0);
    const [credits] = await rows<{ payments: number; no_reference: number; waivers: number; no_reason: number }>(
      `SELECT count(*) FILTER (WHERE kind = 'payment')::int AS payments,
              count(*) FILTER (WHERE kind = 'payment' AND (reference IS NULL OR method IS NULL))::int AS no_reference,
              count(*) FILTER (WHERE kind = 'waiver')::int AS waivers,
              count(*) FILTER (WHERE kind = 'waiver' AND reason IS NULL)::int AS no_reason
         FROM device_fee_entries WHERE district_id = $1`,
    );
    expect(credits).toMatchObject({ no_reference: 0, no_reason: 0 });
    expect(credits!.payments).toBeGreaterThan(0);
    expect(credits!.waivers).toBeGreaterThan(0);
  });

  it('holds every student who owes, at what they owe, and nobody else; balances are the ledger’s sums', async () => {
    const ledger = await rows<{ person_id: string; balance: string; never_negative: boolean }>(
      `SELECT person_id, sum(CASE WHEN kind = 'charge' THEN amount ELSE -amount END)::numeric(12, 2) AS balance,
              bool_and(running >= 0) AS never_negative
         FROM (SELECT e.*, sum(CASE WHEN kind = 'charge' THEN amount ELSE -amount END) OVER (PARTITION BY person_id ORDER BY seq) AS running
                 FROM device_fee_entries e WHERE e.district_id = $1) x GROUP BY person_id`,
    );
    expect(ledger.every((l) => l.never_negative)).toBe(true);
    const owing = new Map(ledger.filter((l) => Number(l.balance) > 0).map((l) => [l.person_id, l.balance]));
    expect(owing.size).toBeGreaterThan(0);
    const feeHolds = await rows<{ person_id: string; amount: string }>(
      `SELECT person_id, amount FROM device_holds WHERE district_id = $1 AND source = 'fees' AND released_at IS NULL`,
    );
    expect(new Map(feeHolds.map((h) => [h.person_id, h.amount]))).toEqual(owing);
    expect(feeHolds.length).toBe(demo.repairs.activeFeeHolds);

    const page = await get<Balances>('/api/devices/fees/balances?pageSize=200');
    expect(page.total).toBe(owing.size);
    for (const item of page.items) {
      expect(item.balance).toBe(owing.get(item.person.id));
      expect(item.held).toBe(true);
    }
    const top = await get<Statement>(`/api/devices/fees/people/${page.items[0]!.person.id}`);
    expect(top.balance).toBe(page.items[0]!.balance);
    expect(top.lines.at(-1)!.balance).toBe(top.balance);
    expect(top.hold).toMatchObject({ amount: top.balance });
  });

  it('leaves the demo student and family with nothing owed, the student with a free repair to look at', async () => {
    const [me] = await rows<{ id: string }>(`SELECT person_id AS id FROM accounts WHERE district_id = $1 AND email = 'student@${domain}'`);
    const statement = await get<Statement>(`/api/devices/fees/people/${me!.id}`);
    expect(statement.balance).toBe('0.00');
    expect(statement.lines.some((l) => l.free)).toBe(true);
    const mine = await get<{ items: RepairSummary[] }>(`/api/devices/repairs?personId=${me!.id}`);
    expect(mine.items.map((r) => r.status)).toEqual(['closed']);
  });
});
