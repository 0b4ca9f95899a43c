import type { Queryable } from '../../../db/client';
import type { DeviceStatus } from '../../../../shared/api/devices';
import type { RepairKind, RepairStatus } from '../../../../shared/api/device-repair-fields';
import type { RepairSummary } from '../../../../shared/api/device-repairs';
import { personNameSql } from '../devices.repository';

export const repairSummaryColumns = `
  r.id, r.device_id, d.asset_tag, d.serial, m.name AS model_name, r.school_id, s.name AS school_name, r.person_id,
  ${personNameSql('p')} AS person_name, p.identifier AS person_identifier, r.kind, r.description, r.vendor, r.ticket_ref,
  r.status, r.labor_cost, coalesce(pc.parts_cost, 0)::numeric(12, 2) AS parts_cost,
  (r.labor_cost + coalesce(pc.parts_cost, 0))::numeric(12, 2) AS total_cost,
  r.opened_at, r.opened_by, r.sent_at, r.ready_at, r.closed_at, r.closed_by, r.previous_status`;

export const repairFrom = `
  device_repairs r
  JOIN devices d ON d.id = r.device_id
  LEFT JOIN device_models m ON m.id = d.model_id
  LEFT JOIN schools s ON s.id = r.school_id
  LEFT JOIN people p ON p.id = r.person_id
  LEFT JOIN LATERAL (SELECT sum(rp.quantity * rp.unit_cost) AS parts_cost FROM device_repair_parts rp WHERE rp.repair_id = r.id) pc
    ON true`;

export interface RepairSummaryRow {
  id: string;
  device_id: string;
  asset_tag: string | null;
  serial: string;
  model_name: string | null;
  school_id: string | null;
  school_name: string | null;
  person_id: string | null;
  person_name: string | null;
  person_identifier: string | null;
  kind: RepairKind;
  description: string;
  vendor: string | null;
  ticket_ref: string | null;
  status: RepairStatus;
  labor_cost: string;
  parts_cost: string;
  total_cost: string;
  opened_at: Date;
  opened_by: string;
  sent_at: Date | null;
  ready_at: Date | null;
  closed_at: Date | null;
  closed_by: string | null;
  previous_status: DeviceStatus;
}

export function toRepairSummary(r: RepairSummaryRow): RepairSummary {
  return {
    id: r.id,
    device: { id: r.device_id, assetTag: r.asset_tag, serial: r.serial, modelName: r.model_name },
    schoolId: r.school_id,
    schoolName: r.school_name,
    person: r.person_id ? { id: r.person_id, name: r.person_name ?? '', identifier: r.person_identifier } : null,
    kind: r.kind,
    description: r.description,
    vendor: r.vendor,
    ticketRef: r.ticket_ref,
    status: r.status,
    laborCost: r.labor_cost,
    partsCost: r.parts_cost,
    totalCost: r.total_cost,
    openedAt: r.opened_at.toISOString(),
    openedBy: r.opened_by,
    sentAt: r.sent_at?.toISOString() ?? null,
    readyAt: r.ready_at?.toISOString() ?? null,
    closedAt: r.closed_at?.toISOString() ?? null,
    closedBy: r.closed_by,
  };
}

export interface LockedRepair {
  id: string;
  device_id: string;
  school_id: string | null;
  person_id: string | null;
  kind: RepairKind;
  status: RepairStatus;
  previous_status: DeviceStatus;
  previous_assignment_id: string | null;
  asset_tag: string | null;
  serial: string;
  model_id: string | null;
}

/** Locks a repair for a change, so two technicians cannot both move it. */
export async function lockRepair(db: Queryable, districtId: string, id: string): Promise<LockedRepair | undefined> {
  const { rows } = await db.query<LockedRepair>(
    `SELECT r.id, r.device_id, r.school_id, r.person_id, r.kind, r.status, r.previous_status, r.previous_assignment_id,
            d.asset_tag, d.serial, d.model_id
       FROM device_repairs r JOIN devices d ON d.id = r.device_id
      WHERE r.id = $1 AND r.district_id = $2 FOR UPDATE OF r`,
    [id, districtId],
  );
  return rows[0];
}

export const deviceLabel = (d: { asset_tag: string | null; serial: string }) => d.asset_tag ?? d.serial;

/** The loan lent with a repair that has not come back yet. */
export async function openLoanOf(
  db: Queryable,
  repairId: string,
): Promise<{ assignment_id: string; device_id: string; asset_tag: string | null; serial: string } | undefined> {
  const { rows } = await db.query<{ assignment_id: string; device_id: string; asset_tag: string | null; serial: string }>(
    `SELECT rl.assignment_id, a.device_id, d.asset_tag, d.serial FROM device_repair_loans rl
       JOIN device_assignments a ON a.id = rl.assignment_id JOIN devices d ON d.id = a.device_id
      WHERE rl.repair_id = $1 AND a.checked_in_at IS NULL`,
    [repairId],
  );
  return rows[0];
}

/** The district's date today, where it is: due dates and school years are local days. */
export async function districtToday(db: Queryable, districtId: string): Promise<string> {
  const { rows } = await db.query<{ today: string }>(
    `SELECT to_char(now() AT TIME ZONE timezone, 'YYYY-MM-DD') AS today FROM districts WHERE id = $1`,
    [districtId],
  );
  return rows[0]!.today;
}
