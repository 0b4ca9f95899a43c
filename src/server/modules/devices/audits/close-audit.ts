import type { Queryable } from '../../../db/client';
import { AppError } from '../../../platform/errors';
import { auditDevices, type DeviceAuthor } from '../device-author';
import { auditCounts, lockAudit, missingDeviceSql } from './audits.repository';

/**
 * Closes an audit and freezes its outcome: each scanned device is classed by where it belongs
 * now, every expected device nobody scanned gets a 'missing' row, and the counts are stored, so
 * the audit reads the same however the devices move afterwards.
 */
export async function closeAudit(tx: Queryable, author: DeviceAuthor, id: string, note: string | undefined): Promise<void> {
  const audit = await lockAudit(tx, author.districtId, id, 'update');
  if (audit.status === 'closed') throw new AppError('conflict', 'This audit is already closed');
  const counts = await auditCounts(tx, author.districtId, id);

  await tx.query(
    `UPDATE device_audit_items i SET result = CASE WHEN d.school_id = $2 THEN 'seen_here' ELSE 'seen_elsewhere' END
       FROM devices d WHERE d.id = i.device_id AND i.audit_id = $1 AND i.result <> 'missing'`,
    [id, audit.school_id],
  );
  await tx.query(
    `INSERT INTO device_audit_items (district_id, audit_id, device_id, result, device_school_id, device_status)
     SELECT a.district_id, a.id, d.id, 'missing', d.school_id, d.status FROM device_audits a JOIN devices d ON ${missingDeviceSql('a', 'd')}
      WHERE a.id = $1`,
    [id],
  );
  await tx.query(
    `UPDATE device_audits SET status = 'closed', closed_at = now(), closed_by = $2, close_note = $3,
            expected_count = $4, seen_here_count = $5, seen_elsewhere_count = $6, missing_count = $7
      WHERE id = $1`,
    [id, author.label, note || null, counts.expected, counts.seenHere, counts.seenElsewhere, counts.missing],
  );
  await auditDevices(tx, author, {
    action: 'device_audit.close',
    entityType: 'device_audit',
    entityId: id,
    details: { school: audit.school_name, ...counts, note: note ?? null },
  });
}
