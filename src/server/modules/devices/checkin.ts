import type { z } from 'zod';
import type { Queryable } from '../../db/client';
import { notFound } from '../../platform/errors';
import type { checkinSchema } from '../../../shared/api/device-checkout';
import { appendDeviceEvent, lockDevice, setDeviceStatus, type LockedDevice } from './devices.repository';
import { auditDevices, type DeviceAuthor } from './device-author';
import { assertTransition } from './status-machine';

export type CheckinInput = z.output<typeof checkinSchema>;

export interface CheckinOutcome {
  assignmentId: string;
  eventId: string;
  personId: string | null;
  missingAccessories: string[];
}

/**
 * Takes a device back with its condition: to stock, or to repair when damaged. Accessories
 * handed out with it and not returned are named (fees will charge for them). `locked` is the
 * device when the caller has already locked it in this transaction (the scan station has).
 */
export async function checkinDevice(
  tx: Queryable,
  author: DeviceAuthor,
  deviceId: string,
  input: CheckinInput,
  locked?: LockedDevice,
): Promise<CheckinOutcome> {
  const device = locked?.id === deviceId ? locked : await lockDevice(tx, author.districtId, deviceId);
  if (!device) throw notFound('Device');
  const toStatus = input.condition === 'damaged' ? 'in_repair' : 'in_stock';
  assertTransition(device.status, toStatus, 'checkin');

  const { rows } = await tx.query<{ id: string; person_id: string | null; accessories: string[] }>(
    `UPDATE device_assignments SET checked_in_at = now(), checked_in_by = $2, condition_in = $3, accessories_returned = $4
      WHERE device_id = $1 AND checked_in_at IS NULL RETURNING id, person_id, accessories`,
    [device.id, author.label, input.condition, input.accessoriesReturned ? JSON.stringify(input.accessoriesReturned) : null],
  );
  // The status machine says the device is out, so its assignment is open: the unique index keeps exactly one.
  const assignment = rows[0]!;
  const returned = new Set((input.accessoriesReturned ?? assignment.accessories).map((a) => a.toLowerCase()));
  const missingAccessories = assignment.accessories.filter((a) => !returned.has(a.toLowerCase()));

  await setDeviceStatus(tx, device.id, toStatus);
  const eventId = await appendDeviceEvent(tx, {
    districtId: author.districtId,
    deviceId: device.id,
    actorAccountId: author.accountId,
    actorLabel: author.label,
    type: 'checked_in',
    fromStatus: device.status,
    toStatus,
    personId: assignment.person_id,
    assignmentId: assignment.id,
    condition: input.condition,
    note: input.note ?? null,
    details: { missingAccessories },
  });
  await auditDevices(tx, author, {
    action: 'device.checkin',
    entityType: 'device',
    entityId: device.id,
    details: { condition: input.condition, toStatus, personId: assignment.person_id, missingAccessories },
  });
  return { assignmentId: assignment.id, eventId, personId: assignment.person_id, missingAccessories };
}
