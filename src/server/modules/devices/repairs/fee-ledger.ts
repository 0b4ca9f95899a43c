import type { Queryable } from '../../../db/client';
import type { FeeEntry } from '../../../../shared/api/device-fees';
import { auditDevices, type DeviceAuthor } from '../device-author';

interface EntryRow {
  id: string;
  at: Date;
  kind: FeeEntry['kind'];
  amount: string;
  description: string;
  description_es: string | null;
  repair_id: string | null;
  price_id: string | null;
  quantity: number | null;
  list_amount: string | null;
  free: boolean;
  school_year: number | null;
  method: FeeEntry['method'];
  reference: string | null;
  reason: string | null;
  recorded_by: string;
  balance: string;
}

const toEntry = (r: EntryRow): FeeEntry => ({
  id: r.id,
  at: r.at.toISOString(),
  kind: r.kind,
  amount: r.amount,
  description: r.description,
  descriptionEs: r.description_es,
  repairId: r.repair_id,
  priceId: r.price_id,
  quantity: r.quantity,
  listAmount: r.list_amount,
  free: r.free,
  schoolYear: r.school_year,
  method: r.method,
  reference: r.reference,
  reason: r.reason,
  recordedBy: r.recorded_by,
  balance: r.balance,
});

const signed = `CASE WHEN e.kind = 'charge' THEN e.amount ELSE -e.amount END`;

/** A person's ledger in the order it was written, each line with the balance after it. */
export async function ledgerOf(db: Queryable, districtId: string, personIds: string[]): Promise<(FeeEntry & { personId: string })[]> {
  const { rows } = await db.query<EntryRow & { person_id: string }>(
    `SELECT e.id, e.person_id, e.at, e.kind, e.amount, e.description, e.description_es, e.repair_id, e.price_id, e.quantity, e.list_amount, e.free,
            e.school_year, e.method, e.reference, e.reason, e.recorded_by,
            sum(${signed}) OVER (PARTITION BY e.person_id ORDER BY e.seq) AS balance
       FROM device_fee_entries e WHERE e.person_id = ANY($1::uuid[]) AND e.district_id = $2 ORDER BY e.person_id, e.seq`,
    [personIds, districtId],
  );
  return rows.map((r) => ({ ...toEntry(r), personId: r.person_id }));
}

export interface Totals {
  balance: string;
  charged: string;
  paid: string;
  waived: string;
  owes: boolean;
}

export async function totalsOf(db: Queryable, districtId: string, personId: string): Promise<Totals> {
  const { rows } = await db.query<Totals>(
    `SELECT coalesce(sum(${signed}), 0)::numeric(12, 2) AS balance,
            coalesce(sum(e.amount) FILTER (WHERE e.kind = 'charge'), 0)::numeric(12, 2) AS charged,
            coalesce(sum(e.amount) FILTER (WHERE e.kind = 'payment'), 0)::numeric(12, 2) AS paid,
            coalesce(sum(e.amount) FILTER (WHERE e.kind = 'waiver'), 0)::numeric(12, 2) AS waived,
            coalesce(sum(${signed}), 0) > 0 AS owes
       FROM device_fee_entries e WHERE e.person_id = $1 AND e.district_id = $2`,
    [personId, districtId],
  );
  return rows[0]!;
}

/**
 * Serialises fee writes for one person until the transaction ends: the free-occurrence count,
 * the balance a payment is checked against and the fee hold must not race.
 */
export async function lockFeesOf(tx: Queryable, personId: string): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('device_fees:' || $1::text, 0))`, [personId]);
}

export interface NewEntry {
  personId: string;
  kind: FeeEntry['kind'];
  amount: string;
  description: string;
  descriptionEs?: string | null;
  repairId?: string | null;
  priceId?: string | null;
  quantity?: number | null;
  listAmount?: string | null;
  free?: boolean;
  schoolYear?: number | null;
  method?: FeeEntry['method'];
  reference?: string | null;
  reason?: string | null;
}

export async function insertEntry(tx: Queryable, author: DeviceAuthor, e: NewEntry): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO device_fee_entries (district_id, person_id, kind, amount, description, repair_id, price_id, quantity, list_amount,
                                     free, school_year, method, reference, reason, recorded_by, description_es)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id`,
    [
      author.districtId,
      e.personId,
      e.kind,
      e.amount,
      e.description,
      e.repairId ?? null,
      e.priceId ?? null,
      e.quantity ?? null,
      e.listAmount ?? null,
      e.free ?? false,
      e.schoolYear ?? null,
      e.method ?? null,
      e.reference ?? null,
      e.reason ?? null,
      author.label,
      e.descriptionEs ?? null,
    ],
  );
  return rows[0]!.id;
}

export const feeHoldReason = 'Unpaid device fees';

/**
 * Keeps the fee hold in step with the balance: a balance owed places one hold (or updates its
 * amount); a balance paid or waived to zero releases it. Staff holds are left alone.
 */
export async function syncFeeHold(tx: Queryable, author: DeviceAuthor, personId: string): Promise<void> {
  const totals = await totalsOf(tx, author.districtId, personId);
  const { rows } = await tx.query<{ id: string }>(
    `SELECT id FROM device_holds WHERE person_id = $1 AND district_id = $2 AND source = 'fees' AND released_at IS NULL FOR UPDATE`,
    [personId, author.districtId],
  );
  const hold = rows[0];
  if (totals.owes && hold) {
    await tx.query('UPDATE device_holds SET amount = $2 WHERE id = $1', [hold.id, totals.balance]);
  } else if (totals.owes) {
    const created = await tx.query<{ id: string }>(
      `INSERT INTO device_holds (district_id, person_id, reason, amount, created_by, source)
       VALUES ($1, $2, $3, $4, $5, 'fees') RETURNING id`,
      [author.districtId, personId, feeHoldReason, totals.balance, author.label],
    );
    await auditDevices(tx, author, {
      action: 'device_hold.create',
      entityType: 'person',
      entityId: personId,
      details: { holdId: created.rows[0]!.id, reason: feeHoldReason, amount: totals.balance, source: 'fees' },
    });
  } else if (hold) {
    const reason = 'Device fees settled';
    await tx.query('UPDATE device_holds SET released_at = now(), released_by = $2, release_reason = $3 WHERE id = $1', [
      hold.id,
      author.label,
      reason,
    ]);
    await auditDevices(tx, author, {
      action: 'device_hold.release',
      entityType: 'person',
      entityId: personId,
      details: { holdId: hold.id, reason, source: 'fees' },
    });
  }
}
