import type { Queryable } from '../../db/client';
import { AppError } from '../../platform/errors';
import { deviceLimits, type DeviceStatus } from '../../../shared/api/devices';
import { appendDeviceEvent, lockDevice, setDeviceStatus } from './devices.repository';
import { auditDevices, type DeviceAuthor } from './device-author';

interface EventRow {
  id: string;
  seq: number;
  device_id: string;
  type: string;
  actor_account_id: string | null;
  actor_label: string;
  from_status: DeviceStatus;
  to_status: DeviceStatus;
  person_id: string | null;
  assignment_id: string;
  fresh: boolean;
}

/**
 * Reverses a check-out or check-in made a moment ago by the same person: the scan station's
 * one-key undo. The token is the event's id. Refused when the token is another person's, older
 * than a few minutes, already used, or when the device has changed since — undo never rewrites
 * anything but the scan it names. The device returns to its status before the scan without going
 * through the status machine: the scan being undone was itself a legal move.
 */
export async function undoScan(tx: Queryable, author: DeviceAuthor, token: string): Promise<{ deviceId: string }> {
  const found = await tx.query<EventRow>(
    `SELECT id, seq, device_id, type, actor_account_id, actor_label, from_status, to_status, person_id, assignment_id,
            at > now() - make_interval(mins => $3) AS fresh
       FROM device_events WHERE id = $1 AND district_id = $2`,
    [token, author.districtId, deviceLimits.undoMinutes],
  );
  const e = found.rows[0];
  const mine = e && e.actor_label === author.label && e.actor_account_id === author.accountId;
  if (!e || !mine || (e.type !== 'checked_out' && e.type !== 'checked_in')) {
    throw new AppError('not_found', 'Nothing to undo: this undo token is not one of your recent scans');
  }
  if (!e.fresh) throw new AppError('conflict', `Too late to undo: a scan can be undone for ${deviceLimits.undoMinutes} minutes`);
  const device = (await lockDevice(tx, author.districtId, e.device_id))!;
  const later = await tx.query<{ type: string }>('SELECT type FROM device_events WHERE device_id = $1 AND seq > $2 ORDER BY seq LIMIT 1', [
    e.device_id,
    e.seq,
  ]);
  if (later.rows[0]?.type === 'undone') throw new AppError('conflict', 'This scan was already undone');
  if (later.rows[0] || device.status !== e.to_status) {
    throw new AppError('conflict', 'The device has changed since this scan: undo is no longer possible, change it from its page');
  }

  if (e.type === 'checked_out') {
    await tx.query(
      'UPDATE device_assignments SET checked_in_at = now(), checked_in_by = $2, voided_at = now() WHERE id = $1 AND checked_in_at IS NULL',
      [e.assignment_id, author.label],
    );
  } else {
    await tx.query(
      `UPDATE device_assignments SET checked_in_at = NULL, checked_in_by = NULL, condition_in = NULL, accessories_returned = NULL
        WHERE id = $1`,
      [e.assignment_id],
    );
  }
  await setDeviceStatus(tx, device.id, e.from_status);
  await appendDeviceEvent(tx, {
    districtId: author.districtId,
    deviceId: device.id,
    actorAccountId: author.accountId,
    actorLabel: author.label,
    type: 'undone',
    fromStatus: e.to_status,
    toStatus: e.from_status,
    personId: e.person_id,
    assignmentId: e.assignment_id,
    undoes: e.id,
    details: { undid: e.type },
  });
  await auditDevices(tx, author, {
    action: e.type === 'checked_out' ? 'device.checkout_undone' : 'device.checkin_undone',
    entityType: 'device',
    entityId: device.id,
    details: { eventId: e.id, personId: e.person_id, restoredStatus: e.from_status },
  });
  return { deviceId: device.id };
}
