import type { Queryable } from '../../../db/client';
import { AppError, notFound } from '../../../platform/errors';
import { auditDevices, type DeviceAuthor } from '../device-author';
import { schoolYearLabel } from '../lifecycle/school-year';
import { fromCents, toCents } from '../money';
import { isFreeOccurrence, ordinal } from './fee-rules';
import { insertEntry, lockFeesOf, syncFeeHold } from './fee-ledger';
import { currentSchoolYear } from './school-year';
import { deviceLabel, lockRepair } from './repairs.repository';

interface PriceLine {
  price_id: string;
  name: string;
  name_es: string | null;
  amount: string;
  free_per_year: number;
  quantity: number;
  prior: number;
}

/**
 * Charges the student for a repair from the district's price list: the price for its damage
 * kind, and a price for each part used that has one (times the quantity). When the damage
 * price's free occurrences this school year are not used up ("the first accidental repair is
 * free"), the whole repair is free: its lines are recorded at 0 with their list amounts, so
 * they count as occurrences. A balance owed places the fee hold.
 */
export async function chargeRepair(tx: Queryable, author: DeviceAuthor, repairId: string): Promise<string[]> {
  const repair = await lockRepair(tx, author.districtId, repairId);
  if (!repair) throw notFound('Repair');
  if (repair.status === 'cancelled') throw new AppError('conflict', 'The repair was cancelled: there is nothing to charge');
  if (!repair.person_id) throw new AppError('conflict', 'This repair names no student to charge', { field: 'personId' });
  const personId = repair.person_id;
  const { rows: charged } = await tx.query(
    `SELECT 1 FROM device_fee_entries WHERE repair_id = $1 AND kind = 'charge' AND price_id IS NOT NULL LIMIT 1`,
    [repair.id],
  );
  if (charged.length > 0) {
    throw new AppError('conflict', 'This repair was already charged from the price list: waive or add a charge by hand to correct it');
  }
  await lockFeesOf(tx, personId);
  const schoolYear = await currentSchoolYear(tx, author.districtId);
  const prior = `(SELECT count(*)::int FROM device_fee_entries e
                   WHERE e.person_id = $3 AND e.price_id = fp.id AND e.school_year = $4 AND e.kind = 'charge')`;
  const { rows: damage } = await tx.query<PriceLine>(
    `SELECT fp.id AS price_id, fp.name, fp.name_es, fp.amount, fp.free_per_year, 1 AS quantity, ${prior} AS prior
       FROM device_fee_prices fp WHERE fp.district_id = $1 AND fp.active AND fp.damage_kind = $2`,
    [author.districtId, repair.kind, personId, schoolYear],
  );
  const { rows: parts } = await tx.query<PriceLine>(
    `SELECT fp.id AS price_id, fp.name, fp.name_es, fp.amount, fp.free_per_year, sum(rp.quantity)::int AS quantity, ${prior} AS prior
       FROM device_repair_parts rp JOIN device_fee_prices fp ON fp.part_id = rp.part_id AND fp.active AND fp.district_id = $1
      WHERE rp.repair_id = $2 GROUP BY fp.id ORDER BY fp.name`,
    [author.districtId, repair.id, personId, schoolYear],
  );
  const lines = [...damage, ...parts];
  if (lines.length === 0) {
    throw new AppError('conflict', `No price in the price list applies to this ${repair.kind} repair: add a charge by hand if one is due`);
  }
  const base = damage[0];
  const freeRepair = base !== undefined && isFreeOccurrence({ priorOccurrences: base.prior, freePerYear: base.free_per_year });
  const label = deviceLabel(repair);
  const ids: string[] = [];
  for (const line of lines) {
    const listCents = toCents(line.amount) * line.quantity;
    const free = freeRepair || isFreeOccurrence({ priorOccurrences: line.prior, freePerYear: line.free_per_year });
    const times = (name: string) => (line.quantity > 1 ? `${name} × ${line.quantity}` : name);
    const what = times(line.name);
    const whyFree =
      line === base
        ? `${ordinal(line.prior + 1)} of ${line.free_per_year} free in ${schoolYearLabel(schoolYear)}`
        : freeRepair
          ? `the repair is free`
          : `${ordinal(line.prior + 1)} of ${line.free_per_year} free in ${schoolYearLabel(schoolYear)}`;
    ids.push(
      await insertEntry(tx, author, {
        personId,
        kind: 'charge',
        amount: free ? '0.00' : fromCents(listCents),
        listAmount: fromCents(listCents),
        free,
        description: `${what} (${label})${free ? `: free, ${whyFree}` : ''}`,
        // For families reading Spanish; why it was free is for staff (the statement marks it free).
        descriptionEs: line.name_es ? `${times(line.name_es)} (${label})` : null,
        repairId: repair.id,
        priceId: line.price_id,
        quantity: line.quantity,
        schoolYear,
      }),
    );
  }
  await syncFeeHold(tx, author, personId);
  await auditDevices(tx, author, {
    action: 'device_fee.charge',
    entityType: 'person',
    entityId: personId,
    details: { repairId: repair.id, entryIds: ids, free: freeRepair, schoolYear },
  });
  return ids;
}
