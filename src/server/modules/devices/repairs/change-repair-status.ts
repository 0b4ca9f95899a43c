import type { z } from 'zod';
import type { Queryable } from '../../../db/client';
import type { JobQueue } from '../../../platform/jobs';
import { notFound } from '../../../platform/errors';
import type { repairStatusChangeSchema } from '../../../../shared/api/device-repairs';
import { appendDeviceEvent, lockDevice, setDeviceStatus } from '../devices.repository';
import { auditDevices, type DeviceAuthor } from '../device-author';
import { checkoutDevice } from '../checkout';
import { assertTransition, statusLabel } from '../status-machine';
import { assertRepairTransition } from './repair-transitions';
import { deviceLabel, lockRepair, openLoanOf, type LockedRepair } from './repairs.repository';
import { returnLoanerOf } from './return-loaner';
import { queuePickupNotice } from './pickup-notice';

export type RepairStatusInput = z.output<typeof repairStatusChangeSchema>;

export interface RepairStatusOutcome {
  warnings: string[];
  pickupNotice: 'queued' | 'not_configured' | 'no_recipients' | null;
}

/**
 * Ends a repair (closed or cancelled): the loaner comes back if its condition is given, and the
 * device leaves repair through the status machine — to stock, then, unless asked otherwise, a
 * new check-out to whoever had it before. That check-out is refused by a hold like any other,
 * unless overridden with a reason.
 */
async function finishRepair(tx: Queryable, author: DeviceAuthor, repair: LockedRepair, input: RepairStatusInput): Promise<string[]> {
  const warnings: string[] = [];
  if (input.loanerCondition) {
    warnings.push(...(await returnLoanerOf(tx, author, repair, { condition: input.loanerCondition, note: input.note })));
  } else {
    const loan = await openLoanOf(tx, repair.id);
    if (loan) warnings.push(`Loaner ${deviceLabel(loan)} is still out: take it back when the student returns it`);
  }
  const device = (await lockDevice(tx, author.districtId, repair.device_id))!;
  if (device.status !== 'in_repair') {
    warnings.push(`${deviceLabel(device)} is ${statusLabel(device.status)} now, so it was left as it is`);
  } else {
    assertTransition('in_repair', 'in_stock', 'status');
    await setDeviceStatus(tx, device.id, 'in_stock');
  }
  await appendDeviceEvent(tx, {
    districtId: author.districtId,
    deviceId: device.id,
    actorAccountId: author.accountId,
    actorLabel: author.label,
    type: 'repair_closed',
    fromStatus: device.status === 'in_repair' ? 'in_repair' : null,
    toStatus: device.status === 'in_repair' ? 'in_stock' : null,
    personId: repair.person_id,
    note: input.note ?? null,
    details: { repairId: repair.id, status: input.status },
  });
  if (device.status !== 'in_repair' || input.returnTo !== 'holder' || !repair.previous_assignment_id) return warnings;

  const { rows } = await tx.query<{
    kind: 'assigned' | 'loaner';
    assignee_type: 'student' | 'staff' | 'cart' | 'room';
    person_id: string | null;
    label: string | null;
    accessories: string[];
    due_on: string | null;
  }>('SELECT kind, assignee_type, person_id, label, accessories, due_on FROM device_assignments WHERE id = $1', [
    repair.previous_assignment_id,
  ]);
  const before = rows[0]!;
  const assignee =
    before.assignee_type === 'student' || before.assignee_type === 'staff'
      ? { type: before.assignee_type, personId: before.person_id! }
      : { type: before.assignee_type, label: before.label! };
  const out = await checkoutDevice(tx, author, device.id, {
    assignee,
    kind: before.kind,
    accessories: before.accessories,
    condition: 'good',
    dueOn: before.due_on ?? undefined,
    note: input.status === 'closed' ? 'Back from repair' : 'Repair cancelled',
    holdOverrideReason: input.holdOverrideReason,
  });
  return [...warnings, ...out.warnings];
}

/** Moves a repair along: to the vendor, ready for pickup (emailing the family), closed or cancelled. */
export async function changeRepairStatus(
  tx: Queryable,
  author: DeviceAuthor,
  repairId: string,
  input: RepairStatusInput,
  mail: { jobs: JobQueue; configured: boolean },
): Promise<RepairStatusOutcome> {
  const repair = await lockRepair(tx, author.districtId, repairId);
  if (!repair) throw notFound('Repair');
  assertRepairTransition(repair.status, input.status);
  let warnings: string[] = [];
  let pickupNotice: RepairStatusOutcome['pickupNotice'] = null;
  switch (input.status) {
    case 'sent_to_vendor':
      await tx.query(`UPDATE device_repairs SET status = $2, sent_at = now(), updated_at = now() WHERE id = $1`, [repair.id, input.status]);
      break;
    case 'ready_for_pickup':
      await tx.query(`UPDATE device_repairs SET status = $2, ready_at = now(), updated_at = now() WHERE id = $1`, [
        repair.id,
        input.status,
      ]);
      pickupNotice = await queuePickupNotice(tx, {
        jobs: mail.jobs,
        mailConfigured: mail.configured,
        districtId: author.districtId,
        repairId: repair.id,
      });
      break;
    case 'closed':
    case 'cancelled':
      warnings = await finishRepair(tx, author, repair, input);
      await tx.query(`UPDATE device_repairs SET status = $2, closed_at = now(), closed_by = $3, updated_at = now() WHERE id = $1`, [
        repair.id,
        input.status,
        author.label,
      ]);
      break;
  }
  if (input.status === 'sent_to_vendor' || input.status === 'ready_for_pickup') {
    await appendDeviceEvent(tx, {
      districtId: author.districtId,
      deviceId: repair.device_id,
      actorAccountId: author.accountId,
      actorLabel: author.label,
      type: 'repair_updated',
      personId: repair.person_id,
      note: input.note ?? null,
      details: { repairId: repair.id, from: repair.status, to: input.status },
    });
  }
  await auditDevices(tx, author, {
    action: 'device_repair.status',
    entityType: 'device_repair',
    entityId: repair.id,
    details: { from: repair.status, to: input.status, note: input.note ?? null, pickupNotice, returnTo: input.returnTo },
  });
  return { warnings, pickupNotice };
}
