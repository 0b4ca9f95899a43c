import type { Db, Queryable } from '../../db/client';
import { schoolYearLabel, schoolYearOf } from '../devices/lifecycle/school-year';
import { buildCatalog, StockBook, type Catalog } from './demo-device-catalog';
import { demoSchoolYear } from './demo-device-calendar';
import { insertRows } from './demo-devices';
import { planFees, type LossCharge } from './demo-device-fees';
import { damageProblems } from './demo-device-repair-kinds';
import { RepairPlanner } from './demo-device-repair-plan';
import { readFleet, type FleetAssignment, type FleetState } from './demo-device-repair-read';
import { createRng, type Rng } from './generate-random';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();

export interface DemoRepairsResult {
  parts: number;
  prices: number;
  /** Sites (schools or the depot) at or below a part's reorder level. */
  belowReorder: number;
  loanerPool: number;
  repairs: { inProgress: number; closed: number };
  loans: number;
  feeEntries: number;
  activeFeeHolds: number;
  /** Every hold in force after the fees were written: the fees' own and staff holds. */
  activeHolds: number;
}

/**
 * Gives the demo fleet its repair desk: the parts catalog and stock, the fee price list, the
 * schools' loaner pools, a repair for every device in repair and the repairs of the year so far,
 * and the fee ledger with its holds. Planned in memory around the history `seedDemoDevices`
 * wrote (every event it adds comes after a device's last), with its own random stream, then
 * written in a few set-based statements in one transaction.
 */
export async function seedDemoRepairs(db: Db, o: { districtId: string; seed?: number; now?: number }): Promise<DemoRepairsResult> {
  const now = o.now ?? Date.now();
  return db.transaction(async (tx) => {
    // As in seedDemoDevices: one connection on PGlite, every id written comes from the reads or the plan.
    if (db.engine === 'pglite') await tx.exec('SET LOCAL session_replication_role = replica');
    const fleet = await readFleet(tx, o.districtId, now);
    const rng = createRng((o.seed ?? 1) * 7919 + 2);
    const adopted = Date.UTC(demoSchoolYear(now) - 1, 5, 20, 15);
    const catalog = buildCatalog(fleet.modelIds, iso(adopted));
    const planner = new RepairPlanner(rng, { catalog, actor: fleet.it, now });
    planRepairs(rng, fleet, planner);
    planner.finish((id) => fleet.devices.get(id)?.tag ?? '');

    const stock = new StockBook(catalog, [...fleet.devices.values()]);
    const uses = planner.repairs.flatMap((r) => r.parts.map((p) => ({ r, p }))).sort((a, b) => a.p.at - b.p.at);
    const repairParts = uses.map(({ r, p }) => ({
      repair_id: r.row.id,
      part_id: p.partId,
      school_id: stock.take(p.partId, r.row.school_id),
      quantity: 1,
      unit_cost: catalog.parts.find((x) => x.id === p.partId)!.cost,
      used_at: iso(p.at),
      used_by: fleet.it.label,
    }));
    const stockRows = stock.rows(iso(now - 2 * HOUR));
    const pool = [...fleet.devices.values()]
      .filter((d) => d.schoolId && (d.status === 'loaner' || d.location === 'Front office loaner cart'))
      .map((d) => ({ device_id: d.id, school_id: d.schoolId, added_at: iso(d.createdAt + HOUR), added_by: fleet.it.label }));

    const checkouts = new Map(fleet.checkouts);
    for (const c of planner.handedBack) checkouts.set(c.personId, [...(checkouts.get(c.personId) ?? []), { at: c.at, overridden: false }]);
    const fees = planFees(rng, {
      catalog,
      repairs: planner.repairs,
      losses: lossCharges(fleet, catalog, now),
      checkouts,
      personKey: fleet.personKey,
      actorLabel: fleet.it.label,
      now,
    });

    const rows = (table: string, list: object[]) => insertRows(tx, o.districtId, table, list);
    await rows('device_parts', catalog.parts);
    await rows('device_fee_prices', catalog.prices);
    await rows('device_part_stock', stockRows);
    await rows('device_loaner_pool', pool);
    await updateFrom(
      tx,
      'device_assignments',
      'id uuid, checked_in_at timestamptz, accessories_returned jsonb',
      `checked_in_at = x.checked_in_at, checked_in_by = $2, condition_in = 'damaged', accessories_returned = x.accessories_returned`,
      planner.closedAssignments,
      fleet.it.label,
    );
    await rows('device_assignments', planner.newAssignments);
    await rows(
      'device_repairs',
      planner.repairs.map((r) => r.row),
    );
    await rows('device_repair_parts', repairParts);
    await rows('device_repair_loans', planner.loans);
    await rows(
      'device_events',
      planner.events
        .map((e, i) => ({ e, i }))
        .sort((a, b) => a.e.at.localeCompare(b.e.at) || a.i - b.i)
        .map((x) => x.e),
    );
    await updateFrom(
      tx,
      'devices',
      'id uuid, updated_at timestamptz',
      'updated_at = x.updated_at',
      [...planner.touched].map(([id, at]) => ({ id, updated_at: at })),
    );
    await rows('device_fee_entries', fees.entries);
    await updateFrom(
      tx,
      'device_holds',
      'id uuid, amount numeric, released_at timestamptz, released_by text, release_reason text',
      `source = 'fees', amount = x.amount, released_at = x.released_at, released_by = x.released_by, release_reason = x.release_reason`,
      fees.holds.update,
    );
    await rows('device_holds', fees.holds.insert);
    await writePickupNotices(tx, o.districtId);

    const open = planner.repairs.filter((r) => r.row.status !== 'closed').length;
    const { rows: held } = await tx.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM device_holds WHERE district_id = $1 AND released_at IS NULL',
      [o.districtId],
    );
    return {
      parts: catalog.parts.length,
      prices: catalog.prices.length,
      belowReorder: stockRows.filter((s) => s.quantity <= catalog.parts.find((p) => p.id === s.part_id)!.reorder_level).length,
      loanerPool: pool.length,
      repairs: { inProgress: open, closed: planner.repairs.length - open },
      loans: planner.loans.length,
      feeEntries: fees.entries.length,
      activeFeeHolds:
        fees.holds.insert.filter((h) => (h as { released_at: string | null }).released_at === null).length +
        fees.holds.update.filter((h) => h.released_at === null).length,
      activeHolds: held[0]!.n,
    };
  });
}

/** Which repairs happen: one per device in repair, the history's repaired devices, and new ones on some students' devices. */
function planRepairs(rng: Rng, fleet: FleetState, planner: RepairPlanner) {
  const loanOf = new Map<string, FleetAssignment>();
  for (const a of fleet.open.values()) if (a.kind === 'loaner' && a.personId) loanOf.set(a.personId, a);
  const repairedBefore = new Set<string>();
  for (const d of fleet.devices.values()) {
    const history = fleet.damageHistories.get(d.id);
    if (!history) continue;
    history.forEach((e, i) => {
      if (e.type !== 'checked_in' || e.condition !== 'damaged' || !e.assignmentId) return;
      const a = fleet.damaged.get(e.assignmentId)!;
      const next = history[i + 1];
      if (!next && d.status === 'in_repair') planner.inProgress(d, e, a, a.personId ? loanOf.get(a.personId) : undefined);
      else if (next?.type === 'status_changed' && (next.toStatus === 'in_stock' || next.toStatus === 'retired')) {
        const back = history[i + 2]?.type === 'checked_out' ? history[i + 2] : undefined;
        const school = d.schoolId ?? (a.personId ? (fleet.studentSchool.get(a.personId) ?? null) : null);
        planner.fromHistory(d, e, a, next, back, school);
        if (next.toStatus === 'in_stock') repairedBefore.add(d.id);
      }
    });
  }

  // Students' own Chromebooks, with people who have no hold: their check-out back needs none.
  const held = new Set(fleet.holds.map((h) => h.personId));
  const candidates = [...fleet.devices.values()].filter((d) => {
    const a = fleet.open.get(d.id);
    return (
      d.status === 'assigned' &&
      d.model !== null &&
      a?.kind === 'assigned' &&
      a.assigneeType === 'student' &&
      !fleet.featured.has(a.personId!) &&
      !held.has(a.personId!)
    );
  });
  const again = rng.shuffle(candidates.filter((d) => repairedBefore.has(d.id)));
  const first = rng.shuffle(candidates.filter((d) => !repairedBefore.has(d.id)));
  const problems = [...damageProblems, 'Camera not detected'];
  for (const d of again.slice(0, Math.round(again.length * 0.3))) planner.appended(d, fleet.open.get(d.id)!, rng.pick(damageProblems));
  for (const d of first.slice(0, Math.round(first.length * 0.012))) planner.appended(d, fleet.open.get(d.id)!, rng.pick(problems));
  // The demo student's own spill: free, the first accidental repair of the year.
  const mine = [...fleet.open.values()].find((a) => a.personId === fleet.demoStudent && a.kind === 'assigned');
  const device = mine && fleet.devices.get(mine.deviceId);
  if (mine && device?.model) planner.appended(device, mine, 'Liquid spill on the keyboard');
}

/** The fees the fleet's holds stand for (chargers not handed back, lost Chromebooks) and the losses forgiven. */
function lossCharges(fleet: FleetState, catalog: Catalog, now: number): LossCharge[] {
  const out: LossCharge[] = [];
  const chargerOf = new Map(fleet.lostChargers.map((c) => [c.personId, c]));
  const byTag = new Map([...fleet.devices.values()].map((d) => [d.tag, d]));
  const price = (deviceId: string | undefined, type: 'charger' | 'unit') => {
    const model = deviceId ? fleet.devices.get(deviceId)?.model : null;
    const part = model ? catalog.part(model, type) : undefined;
    return part ? catalog.priceOfPart.get(part.id) : undefined;
  };
  const charged = new Set<string>();
  for (const h of fleet.holds) {
    const lost = /^Lost Chromebook (\S+): replacement cost$/.exec(h.reason);
    if (h.reason.startsWith('Charger not returned')) {
      const c = chargerOf.get(h.personId);
      const p = price(c?.deviceId, 'charger');
      if (!c || !p) continue;
      const tag = fleet.devices.get(c.deviceId)!.tag;
      const description = `${p.name} (${tag}): not returned at the end of ${schoolYearLabel(schoolYearOf(iso(c.at).slice(0, 10)))}`;
      out.push({ personId: h.personId, at: h.createdAt, price: p, description, hold: h, then: h.releasedAt ? 'paid' : 'installments' });
    } else if (lost) {
      const d = byTag.get(lost[1]!);
      const p = price(d?.id, 'unit');
      if (!d || !p) continue;
      charged.add(d.id);
      out.push({
        personId: h.personId,
        at: h.createdAt,
        price: p,
        description: `${p.name} (${d.tag}): reported lost`,
        hold: h,
        then: 'maybe_partly',
      });
    }
  }
  for (const l of fleet.lostDevices) {
    const p = price(l.deviceId, 'unit');
    if (charged.has(l.deviceId) || !p || fleet.featured.has(l.personId)) continue;
    const tag = fleet.devices.get(l.deviceId)!.tag;
    const at = Math.min(l.at + DAY, now - 2 * HOUR);
    out.push({ personId: l.personId, at, price: p, description: `${p.name} (${tag}): reported lost`, hold: null, then: 'forgiven' });
  }
  return out;
}

/** Sets columns from JSON rows by id, in one statement. */
async function updateFrom(tx: Queryable, table: string, columns: string, set: string, list: object[], label?: string) {
  if (list.length === 0) return;
  await tx.query(`UPDATE ${table} t SET ${set} FROM json_to_recordset($1::json) AS x(${columns}) WHERE t.id = x.id`, [
    JSON.stringify(list),
    ...(label === undefined ? [] : [label]),
  ]);
}

/** The "ready for pickup" emails the desk sent: the student and their guardians, at the address they sign in with. */
async function writePickupNotices(tx: Queryable, districtId: string) {
  await tx.query(
    `INSERT INTO device_repair_notices (district_id, repair_id, kind, person_id, email, language, sent_at)
     SELECT DISTINCT ON (r.id, lower(coalesce(acc.email, p.email)))
            $1, r.id, 'ready_for_pickup', p.id, coalesce(acc.email, p.email), coalesce(acc.language, 'both'), r.ready_at + interval '2 minutes'
       FROM device_repairs r
       JOIN LATERAL (SELECT r.person_id AS id UNION ALL SELECT gl.guardian_id FROM guardian_links gl WHERE gl.student_id = r.person_id) w ON true
       JOIN people p ON p.id = w.id AND p.status = 'active'
       LEFT JOIN LATERAL (SELECT a.email, a.language FROM accounts a WHERE a.person_id = p.id AND a.status = 'active'
                           ORDER BY a.created_at LIMIT 1) acc ON true
      WHERE r.district_id = $1 AND r.ready_at IS NOT NULL AND r.person_id IS NOT NULL AND coalesce(acc.email, p.email) IS NOT NULL
      ORDER BY r.id, lower(coalesce(acc.email, p.email))`,
    [districtId],
  );
}
