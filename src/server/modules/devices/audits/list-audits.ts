import type { z } from 'zod';
import type { Queryable } from '../../../db/client';
import type { Actor } from '../../../platform/actor';
import { Params } from '../../../platform/sql';
import type {
  auditDeviceSchema,
  auditDevicesQuerySchema,
  DeviceAudit,
  deviceAuditsQuerySchema,
} from '../../../../shared/api/device-audits';
import type { DeviceStatus } from '../../../../shared/api/devices';
import { deviceFrom, deviceSummaryColumns, toDeviceSummary, type DeviceSummaryRow } from '../devices.repository';
import { visibleDevices } from '../device-scope';
import { auditColumns, auditFrom, getAudit, missingDeviceSql, toAudit, type AuditRow } from './audits.repository';

type AuditsQuery = z.output<typeof deviceAuditsQuerySchema>;
type DevicesQuery = z.output<typeof auditDevicesQuerySchema>;
type AuditDevice = z.infer<typeof auditDeviceSchema>;

/** The audits of the schools this actor may see, newest due first, each with its counts: the audit history. */
export async function listAudits(db: Queryable, actor: Actor, q: AuditsQuery): Promise<{ items: DeviceAudit[]; total: number }> {
  const params = new Params();
  const where = [visibleDevices(actor, 'a', params)];
  if (q.schoolId) where.push(`a.school_id = ${params.add(q.schoolId)}`);
  if (q.status) where.push(`a.status = ${params.add(q.status)}`);
  const whereSql = where.join(' AND ');
  const countParams = params.values.slice();
  const limit = params.add(q.pageSize);
  const offset = params.add((q.page - 1) * q.pageSize);
  const [page, count] = await Promise.all([
    db.query<AuditRow>(
      `SELECT ${auditColumns} FROM ${auditFrom} WHERE ${whereSql}
        ORDER BY (a.status = 'open') DESC, a.due_on DESC, a.created_at DESC, a.id LIMIT ${limit} OFFSET ${offset}`,
      params.values,
    ),
    db.query<{ n: number }>(`SELECT count(*)::int AS n FROM device_audits a WHERE ${whereSql}`, countParams),
  ]);
  return { items: page.rows.map(toAudit), total: count.rows[0]!.n };
}

interface ItemRow extends DeviceSummaryRow {
  result: AuditDevice['result'];
  seen_at: Date | null;
  seen_by: string | null;
  scanned_as: string | null;
  status_then: DeviceStatus;
  visible: boolean;
}

/**
 * The devices of one audit with a given outcome. While the audit is open the lists follow the
 * devices as they are now (a device moved to this school mid-audit is expected here); once
 * closed they read what was frozen.
 */
export async function listAuditDevices(
  db: Queryable,
  actor: Actor,
  auditId: string,
  q: DevicesQuery,
): Promise<{ items: AuditDevice[]; total: number }> {
  const audit = await getAudit(db, actor, auditId);
  const params = new Params([auditId, actor.districtId]);
  let from: string;
  let where: string;
  let extra: string;
  if (audit.status === 'open' && q.result === 'missing') {
    from = `${deviceFrom} JOIN device_audits au ON au.id = $1 AND au.district_id = $2`;
    where = missingDeviceSql('au', 'd');
    extra = `'missing' AS result, NULL::timestamptz AS seen_at, NULL AS seen_by, NULL AS scanned_as, d.status AS status_then`;
  } else {
    from = `${deviceFrom} JOIN device_audit_items i ON i.device_id = d.id AND i.audit_id = $1 AND i.district_id = $2`;
    where =
      audit.status === 'open'
        ? `i.result <> 'missing' AND (CASE WHEN d.school_id = ${params.add(audit.schoolId)} THEN 'seen_here' ELSE 'seen_elsewhere' END) = ${params.add(q.result)}`
        : `i.result = ${params.add(q.result)}`;
    extra = 'i.result, i.seen_at, i.seen_by, i.scanned_as, i.device_status AS status_then';
  }
  const countParams = params.values.slice();
  // A device found here that belongs to a school the caller does not see is listed without its holder.
  const visible = visibleDevices(actor, 'd', params);
  const limit = params.add(q.pageSize);
  const offset = params.add((q.page - 1) * q.pageSize);
  const [page, count] = await Promise.all([
    db.query<ItemRow>(
      `SELECT ${deviceSummaryColumns}, ${extra}, (${visible}) AS visible FROM ${from} WHERE ${where}
        ORDER BY upper(d.asset_tag), upper(d.serial), d.id LIMIT ${limit} OFFSET ${offset}`,
      params.values,
    ),
    db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${from} WHERE ${where}`, countParams),
  ]);
  return {
    items: page.rows.map((r) => ({
      device: r.visible ? toDeviceSummary(r) : { ...toDeviceSummary(r), assignee: null },
      result: r.result,
      seenAt: r.seen_at?.toISOString() ?? null,
      seenBy: r.seen_by,
      scannedAs: r.scanned_as,
      statusThen: r.status_then,
    })),
    total: count.rows[0]!.n,
  };
}
