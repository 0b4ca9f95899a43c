import type { Db } from '../../../db/client';
import { AppError } from '../../../platform/errors';
import type { AuditScanResult } from '../../../../shared/api/device-audits';
import type { DeviceSummary } from '../../../../shared/api/devices';
import { appendDeviceEvent, deviceSummaryById, findDeviceIdByTag } from '../devices.repository';
import { auditDevices, type DeviceAuthor } from '../device-author';
import { statusLabel } from '../status-machine';
import { auditCounts, lockAudit } from './audits.repository';

const nameOf = (d: DeviceSummary) => d.assetTag ?? d.serial;

function warningsFor(d: DeviceSummary): string[] {
  switch (d.status) {
    case 'lost':
    case 'stolen':
      return [`${nameOf(d)} is reported ${d.status}: mark it found (in stock) if it is back`];
    case 'retired':
    case 'ewaste':
      return [`${nameOf(d)} is ${statusLabel(d.status)}: it should have left service`];
    case 'in_stock':
    case 'assigned':
    case 'loaner':
    case 'in_repair':
      return [];
  }
}

/**
 * One scan in a physical audit: the device is found by asset tag or serial (either case, through
 * the unique indexes), marked seen once, and classed as belonging to the audited school or
 * elsewhere. An unknown tag or a second scan of a device is an answer, not an error, so a
 * technician scanning a shelf is never stopped by an exception; only a closed audit is refused.
 */
export async function scanAudit(db: Db, author: DeviceAuthor, auditId: string, tag: string): Promise<AuditScanResult> {
  return db.transaction(async (tx) => {
    const audit = await lockAudit(tx, author.districtId, auditId, 'share');
    if (audit.status === 'closed') throw new AppError('conflict', 'This audit is closed: schedule a new one to scan again');
    const answer = async (r: Omit<AuditScanResult, 'counts'>): Promise<AuditScanResult> => ({
      ...r,
      counts: await auditCounts(tx, author.districtId, auditId),
    });

    const deviceId = await findDeviceIdByTag(tx, author.districtId, tag);
    if (!deviceId) {
      return answer({
        result: 'unknown_tag',
        message: `No device with tag or serial ${tag}`,
        device: null,
        firstSeenAt: null,
        warnings: [],
      });
    }
    const device = (await deviceSummaryById(tx, author.districtId, deviceId))!;
    const belongsHere = device.schoolId === audit.school_id;
    const result = belongsHere ? 'seen_here' : 'seen_elsewhere';
    const inserted = await tx.query<{ id: string }>(
      `INSERT INTO device_audit_items (district_id, audit_id, device_id, result, scanned_as, device_school_id, device_status, seen_at, seen_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, now(), $8) ON CONFLICT (audit_id, device_id) DO NOTHING RETURNING id`,
      [author.districtId, auditId, deviceId, result, tag, device.schoolId, device.status, author.label],
    );
    if (!inserted.rows[0]) {
      const first = await tx.query<{ seen_at: Date }>('SELECT seen_at FROM device_audit_items WHERE audit_id = $1 AND device_id = $2', [
        auditId,
        deviceId,
      ]);
      return answer({
        result: 'already_seen',
        message: `${nameOf(device)} was already scanned in this audit`,
        device,
        firstSeenAt: first.rows[0]!.seen_at.toISOString(),
        warnings: [],
      });
    }
    // The device's own history keeps where it was last seen, for when it goes missing later.
    await appendDeviceEvent(tx, {
      districtId: author.districtId,
      deviceId,
      actorAccountId: author.accountId,
      actorLabel: author.label,
      type: 'audit_seen',
      details: { auditId, schoolName: audit.school_name, result },
    });
    await auditDevices(tx, author, {
      action: 'device_audit.scan',
      entityType: 'device',
      entityId: deviceId,
      details: { auditId, result, scannedAs: tag },
    });
    const message = belongsHere
      ? `${nameOf(device)} seen`
      : `${nameOf(device)} belongs ${device.schoolName ? `to ${device.schoolName}` : 'to no school'}, not ${audit.school_name}`;
    return answer({ result, message, device, firstSeenAt: null, warnings: warningsFor(device) });
  });
}
