import type { z } from 'zod';
import type { Queryable } from '../../db/client';
import { AppError, notFound } from '../../platform/errors';
import type { checkoutSchema } from '../../../shared/api/device-checkout';
import { appendDeviceEvent, lockDevice, setDeviceStatus, type LockedDevice } from './devices.repository';
import { activeHolds, hasSignedAgreement, personById, staffRoles, type ActiveHold, type DevicePerson } from './device-people';
import { auditDevices, type DeviceAuthor } from './device-author';
import { assertTransition } from './status-machine';

export type CheckoutInput = z.output<typeof checkoutSchema>;

export interface CheckoutOutcome {
  assignmentId: string;
  /** The check-out event: the scan station's undo token. */
  eventId: string;
  warnings: string[];
  /** Whether a student has a signed use agreement on file (null for anyone else): the scan screen shows it. */
  agreementSigned: boolean | null;
}

/**
 * What a caller already read in this transaction (the scan station has locked the device and
 * looked up the person and their holds), so a check-out need not read it again.
 */
export interface CheckoutPrior {
  device?: LockedDevice;
  person?: DevicePerson;
  holds?: ActiveHold[];
}

/** A hold stops the check-out; the caller may show the holds and offer an override with a reason. */
export class HoldError extends AppError {
  constructor(
    readonly personName: string,
    readonly holds: ActiveHold[],
  ) {
    super('conflict', `${personName} has a hold on new devices (${holds.map((h) => h.reason).join('; ')}): give a reason to override it`, {
      field: 'holdOverrideReason',
      details: { reason: 'hold', holds },
    });
  }
}

/**
 * Hands a device to a student, a staff member, a cart or a room. Refuses a device that is not in
 * stock (with the status machine's reason), a person who is not in the roster as that kind of
 * person, and a person with a hold unless the hold is overridden with a reason — which is audited.
 */
export async function checkoutDevice(
  tx: Queryable,
  author: DeviceAuthor,
  deviceId: string,
  input: CheckoutInput,
  prior: CheckoutPrior = {},
): Promise<CheckoutOutcome> {
  const device = prior.device?.id === deviceId ? prior.device : await lockDevice(tx, author.districtId, deviceId);
  if (!device) throw notFound('Device');
  const toStatus = input.kind === 'loaner' ? 'loaner' : 'assigned';
  assertTransition(device.status, toStatus, 'checkout');

  const warnings: string[] = [];
  const { assignee } = input;
  let personId: string | null = null;
  let agreementSigned: boolean | null = null;
  if (assignee.type === 'student' || assignee.type === 'staff') {
    const person = prior.person?.id === assignee.personId ? prior.person : await personById(tx, author.districtId, assignee.personId);
    if (!person) throw new AppError('validation_failed', 'No such person in this district', { field: 'assignee.personId' });
    const isStaff = staffRoles.includes(person.primaryRole);
    if (assignee.type === 'student' ? person.primaryRole !== 'student' : !isStaff) {
      throw new AppError('validation_failed', `${person.name} is a ${person.primaryRole} in the roster, not ${assignee.type}`, {
        field: 'assignee.type',
      });
    }
    if (!person.active) {
      throw new AppError('conflict', `${person.name} is no longer active in the roster`, { field: 'assignee.personId' });
    }
    const holds = prior.person === person && prior.holds ? prior.holds : await activeHolds(tx, author.districtId, person.id);
    if (holds.length > 0 && !input.holdOverrideReason) throw new HoldError(person.name, holds);
    if (holds.length > 0) {
      await auditDevices(tx, author, {
        action: 'device.hold_override',
        entityType: 'person',
        entityId: person.id,
        details: { deviceId, assetTag: device.asset_tag, reason: input.holdOverrideReason, holds },
      });
      warnings.push(`Issued despite a hold: ${input.holdOverrideReason}`);
    }
    if (assignee.type === 'student') agreementSigned = await hasSignedAgreement(tx, author.districtId, person.id);
    if (agreementSigned === false) {
      warnings.push(`No signed use agreement on file for ${person.name}`);
    }
    personId = person.id;
  }
  const label = assignee.type === 'cart' || assignee.type === 'room' ? assignee.label : null;

  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO device_assignments (district_id, device_id, kind, assignee_type, person_id, label, checked_out_by, condition_out,
                                     accessories, due_on)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [
      author.districtId,
      device.id,
      input.kind,
      assignee.type,
      personId,
      label,
      author.label,
      input.condition ?? null,
      JSON.stringify(input.accessories),
      input.dueOn ?? null,
    ],
  );
  const assignmentId = rows[0]!.id;
  await setDeviceStatus(tx, device.id, toStatus);
  const details = {
    assigneeType: assignee.type,
    label,
    kind: input.kind,
    accessories: input.accessories,
    ...(input.holdOverrideReason ? { holdOverrideReason: input.holdOverrideReason } : {}),
  };
  const eventId = await appendDeviceEvent(tx, {
    districtId: author.districtId,
    deviceId: device.id,
    actorAccountId: author.accountId,
    actorLabel: author.label,
    type: 'checked_out',
    fromStatus: device.status,
    toStatus,
    personId,
    assignmentId,
    condition: input.condition ?? null,
    note: input.note ?? null,
    details,
  });
  await auditDevices(tx, author, {
    action: 'device.checkout',
    entityType: 'device',
    entityId: device.id,
    details: { ...details, personId, assignmentId },
  });
  return { assignmentId, eventId, warnings, agreementSigned };
}
