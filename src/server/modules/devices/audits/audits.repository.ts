import type { Queryable } from '../../../db/client';
import type { Actor } from '../../../platform/actor';
import { notFound } from '../../../platform/errors';
import { Params } from '../../../platform/sql';
import type { DeviceAudit, DeviceAuditCounts } from '../../../../shared/api/device-audits';
import { visibleDevices } from '../device-scope';
import { inServiceSql } from '../lifecycle/in-service';

/**
 * The devices expected at the audit `a`'s school (those in service there: a lost device that turns
 * up still counts as seen) and not scanned in it, on a `devices` row `d`.
 */
export const missingDeviceSql = (a: string, d: string) =>
  `${d}.district_id = ${a}.district_id AND ${d}.school_id = ${a}.school_id AND ${d}.status IN ${inServiceSql}
   AND NOT EXISTS (SELECT 1 FROM device_audit_items mi WHERE mi.audit_id = ${a}.id AND mi.device_id = ${d}.id)`;

/**
 * Counts of an open audit `a`, from the devices as they are now: a scanned device counts as seen
 * here while it belongs to the audit's school, so a device moved mid-audit is classed where it
 * now belongs. Yields no row for a closed audit (its counts are stored).
 */
const liveCountsSql = `
  LEFT JOIN LATERAL (
    SELECT
      (SELECT count(*)::int FROM device_audit_items i JOIN devices d ON d.id = i.device_id
        WHERE i.audit_id = a.id AND i.result <> 'missing' AND d.school_id = a.school_id) AS seen_here,
      (SELECT count(*)::int FROM device_audit_items i JOIN devices d ON d.id = i.device_id
        WHERE i.audit_id = a.id AND i.result <> 'missing' AND d.school_id IS DISTINCT FROM a.school_id) AS seen_elsewhere,
      (SELECT count(*)::int FROM devices d WHERE ${missingDeviceSql('a', 'd')}) AS missing
    WHERE a.status = 'open'
  ) live ON true`;

export interface AuditRow {
  id: string;
  district_id: string;
  school_id: string;
  school_name: string;
  name: string;
  due_on: string;
  status: DeviceAudit['status'];
  overdue: boolean;
  created_at: Date;
  created_by: string;
  closed_at: Date | null;
  closed_by: string | null;
  close_note: string | null;
  expected_count: number | null;
  seen_here_count: number | null;
  seen_elsewhere_count: number | null;
  missing_count: number | null;
  live_seen_here: number | null;
  live_seen_elsewhere: number | null;
  live_missing: number | null;
}

export const auditColumns = `
  a.id, a.district_id, a.school_id, s.name AS school_name, a.name, a.due_on, a.status,
  (a.status = 'open' AND a.due_on < current_date) AS overdue, a.created_at, a.created_by, a.closed_at, a.closed_by, a.close_note,
  a.expected_count, a.seen_here_count, a.seen_elsewhere_count, a.missing_count,
  live.seen_here AS live_seen_here, live.seen_elsewhere AS live_seen_elsewhere, live.missing AS live_missing`;

export const auditFrom = `device_audits a JOIN schools s ON s.id = a.school_id ${liveCountsSql}`;

export function countsOf(r: AuditRow): DeviceAuditCounts {
  if (r.status === 'closed') {
    return {
      expected: r.expected_count ?? 0,
      seenHere: r.seen_here_count ?? 0,
      seenElsewhere: r.seen_elsewhere_count ?? 0,
      missing: r.missing_count ?? 0,
    };
  }
  const seenHere = r.live_seen_here ?? 0;
  const missing = r.live_missing ?? 0;
  return { expected: seenHere + missing, seenHere, seenElsewhere: r.live_seen_elsewhere ?? 0, missing };
}

export function toAudit(r: AuditRow): DeviceAudit {
  return {
    id: r.id,
    schoolId: r.school_id,
    schoolName: r.school_name,
    name: r.name,
    dueOn: r.due_on,
    status: r.status,
    overdue: r.overdue,
    createdAt: r.created_at.toISOString(),
    createdBy: r.created_by,
    closedAt: r.closed_at?.toISOString() ?? null,
    closedBy: r.closed_by,
    closeNote: r.close_note,
    counts: countsOf(r),
  };
}

/** One audit this actor may see (its school's devices), or a 404 like one that doesn't exist. */
export async function getAudit(db: Queryable, actor: Actor, id: string): Promise<DeviceAudit> {
  const params = new Params([id]);
  const { rows } = await db.query<AuditRow>(
    `SELECT ${auditColumns} FROM ${auditFrom} WHERE a.id = $1 AND ${visibleDevices(actor, 'a', params)}`,
    params.values,
  );
  if (!rows[0]) throw notFound('Audit');
  return toAudit(rows[0]);
}

/** The live counts of one open audit (the scan screen's progress line). */
export async function auditCounts(db: Queryable, districtId: string, id: string): Promise<DeviceAuditCounts> {
  const { rows } = await db.query<AuditRow>(`SELECT ${auditColumns} FROM ${auditFrom} WHERE a.id = $1 AND a.district_id = $2`, [
    id,
    districtId,
  ]);
  return countsOf(rows[0]!);
}

export interface LockedAudit {
  id: string;
  school_id: string;
  school_name: string;
  status: DeviceAudit['status'];
}

/**
 * Locks an audit: scans share the lock (many scanners at once), closing takes it alone, so no
 * scan lands in an audit after its outcome was frozen.
 */
export async function lockAudit(db: Queryable, districtId: string, id: string, mode: 'share' | 'update'): Promise<LockedAudit> {
  const { rows } = await db.query<LockedAudit>(
    `SELECT a.id, a.school_id, s.name AS school_name, a.status FROM device_audits a JOIN schools s ON s.id = a.school_id
      WHERE a.id = $1 AND a.district_id = $2 FOR ${mode === 'share' ? 'SHARE OF a' : 'UPDATE OF a'}`,
    [id, districtId],
  );
  if (!rows[0]) throw notFound('Audit');
  return rows[0];
}
