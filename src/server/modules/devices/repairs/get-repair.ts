import type { Queryable } from '../../../db/client';
import type { Actor } from '../../../platform/actor';
import { notFound } from '../../../platform/errors';
import { Params } from '../../../platform/sql';
import type { RepairDetail } from '../../../../shared/api/device-repairs';
import { personNameSql } from '../devices.repository';
import { districtToday, repairFrom, repairSummaryColumns, toRepairSummary, type RepairSummaryRow } from './repairs.repository';
import { visibleAtSchool } from './repair-scope';
import { ledgerOf } from './fee-ledger';

/** One repair with its parts, loaners, notices and fees, if this actor may see it (404 otherwise). */
export async function getRepair(db: Queryable, actor: Actor, id: string): Promise<RepairDetail> {
  const params = new Params([id]);
  const { rows } = await db.query<RepairSummaryRow>(
    `SELECT ${repairSummaryColumns} FROM ${repairFrom} WHERE r.id = $1 AND ${visibleAtSchool(actor, 'r', params)}`,
    params.values,
  );
  const r = rows[0];
  if (!r) throw notFound('Repair');
  const today = await districtToday(db, actor.districtId);
  const [parts, loans, notices, fees] = await Promise.all([
    db.query<{
      id: string;
      part_id: string;
      name: string;
      sku: string;
      quantity: number;
      unit_cost: string;
      school_id: string | null;
      used_at: Date;
      used_by: string;
    }>(
      `SELECT rp.id, rp.part_id, pt.name, pt.sku, rp.quantity, rp.unit_cost, rp.school_id, rp.used_at, rp.used_by
         FROM device_repair_parts rp JOIN device_parts pt ON pt.id = rp.part_id WHERE rp.repair_id = $1 ORDER BY rp.used_at, rp.id`,
      [id],
    ),
    db.query<{
      assignment_id: string;
      device_id: string;
      asset_tag: string | null;
      serial: string;
      checked_out_at: Date;
      due_on: string | null;
      checked_in_at: Date | null;
      condition_in: string | null;
      overdue: boolean;
    }>(
      `SELECT a.id AS assignment_id, a.device_id, d.asset_tag, d.serial, a.checked_out_at, a.due_on, a.checked_in_at, a.condition_in,
              (a.checked_in_at IS NULL AND a.due_on < $2::date) AS overdue
         FROM device_repair_loans rl JOIN device_assignments a ON a.id = rl.assignment_id JOIN devices d ON d.id = a.device_id
        WHERE rl.repair_id = $1 AND a.voided_at IS NULL ORDER BY a.checked_out_at`,
      [id, today],
    ),
    db.query<{ person_id: string | null; person_name: string | null; email: string; language: 'en' | 'es' | 'both'; sent_at: Date }>(
      `SELECT n.person_id, ${personNameSql('np')} AS person_name, n.email, n.language, n.sent_at
         FROM device_repair_notices n LEFT JOIN people np ON np.id = n.person_id WHERE n.repair_id = $1 ORDER BY n.sent_at, n.email`,
      [id],
    ),
    r.person_id ? ledgerOf(db, actor.districtId, [r.person_id]) : Promise.resolve([]),
  ]);
  return {
    ...toRepairSummary(r),
    previousStatus: r.previous_status,
    parts: parts.rows.map((p) => ({
      id: p.id,
      partId: p.part_id,
      name: p.name,
      sku: p.sku,
      quantity: p.quantity,
      unitCost: p.unit_cost,
      schoolId: p.school_id,
      usedAt: p.used_at.toISOString(),
      usedBy: p.used_by,
    })),
    loans: loans.rows.map((l) => ({
      assignmentId: l.assignment_id,
      deviceId: l.device_id,
      assetTag: l.asset_tag,
      serial: l.serial,
      lentAt: l.checked_out_at.toISOString(),
      dueOn: l.due_on,
      returnedAt: l.checked_in_at?.toISOString() ?? null,
      conditionIn: l.condition_in,
      overdue: l.overdue,
    })),
    notices: notices.rows.map((n) => ({
      kind: 'ready_for_pickup' as const,
      personId: n.person_id,
      personName: n.person_id ? n.person_name : null,
      email: n.email,
      language: n.language,
      sentAt: n.sent_at.toISOString(),
    })),
    fees: fees.filter((f) => f.repairId === id).map(({ personId: _personId, ...f }) => f),
  };
}
