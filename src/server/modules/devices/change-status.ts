import type { Queryable } from '../../db/client';
import { notFound } from '../../platform/errors';
import type { DeviceStatus } from '../../../shared/api/devices';
import { appendDeviceEvent, lockDevice, setDeviceStatus } from './devices.repository';
import { auditDevices, type DeviceAuthor } from './device-author';
import { assertTransition } from './status-machine';

/**
 * Moves a device to a new status through the status machine. A device reported lost or stolen
 * while someone had it closes that assignment, and the event names the person, so their history
 * shows it.
 */
export async function changeStatus(
  tx: Queryable,
  author: DeviceAuthor,
  o: { deviceId: string; status: DeviceStatus; note?: string | undefined },
): Promise<void> {
  const device = await lockDevice(tx, author.districtId, o.deviceId);
  if (!device) throw notFound('Device');
  assertTransition(device.status, o.status, 'status');
  let personId: string | null = null;
  let assignmentId: string | null = null;
  if (device.status === 'assigned' || device.status === 'loaner') {
    const { rows } = await tx.query<{ id: string; person_id: string | null }>(
      `UPDATE device_assignments SET checked_in_at = now(), checked_in_by = $2, condition_in = $3
        WHERE device_id = $1 AND checked_in_at IS NULL RETURNING id, person_id`,
      [device.id, author.label, o.status],
    );
    personId = rows[0]?.person_id ?? null;
    assignmentId = rows[0]?.id ?? null;
  }
  await setDeviceStatus(tx, device.id, o.status);
  await appendDeviceEvent(tx, {
    districtId: author.districtId,
    deviceId: device.id,
    actorAccountId: author.accountId,
    actorLabel: author.label,
    type: 'status_changed',
    fromStatus: device.status,
    toStatus: o.status,
    personId,
    assignmentId,
    note: o.note ?? null,
  });
  await auditDevices(tx, author, {
    action: 'device.status_change',
    entityType: 'device',
    entityId: device.id,
    details: { from: device.status, to: o.status, note: o.note ?? null, personId },
  });
}
