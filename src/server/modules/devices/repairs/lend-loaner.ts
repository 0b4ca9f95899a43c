import type { z } from 'zod';
import type { Queryable } from '../../../db/client';
import { AppError, notFound } from '../../../platform/errors';
import type { lendLoanerSchema } from '../../../../shared/api/device-loaners';
import { appendDeviceEvent } from '../devices.repository';
import { auditDevices, type DeviceAuthor } from '../device-author';
import { personById } from '../device-people';
import { checkoutDevice } from '../checkout';
import { isRepairFinished } from './repair-transitions';
import { deviceLabel, lockRepair, openLoanOf } from './repairs.repository';

export type LendInput = z.output<typeof lendLoanerSchema>;

/**
 * Lends a device from a loaner pool to the student whose device is in repair, due back on a
 * date. It is a check-out of kind 'loaner', so a fee hold stops it unless overridden (audited).
 * The repaired device's history says which loaner went out.
 */
export async function lendLoaner(tx: Queryable, author: DeviceAuthor, repairId: string, input: LendInput): Promise<string[]> {
  const repair = await lockRepair(tx, author.districtId, repairId);
  if (!repair) throw notFound('Repair');
  if (isRepairFinished(repair.status)) throw new AppError('conflict', `The repair is ${repair.status}: no loaner can go out with it`);
  if (!repair.person_id) throw new AppError('conflict', 'This repair names no student to lend a loaner to', { field: 'personId' });
  const out = await openLoanOf(tx, repair.id);
  if (out) throw new AppError('conflict', `Loaner ${deviceLabel(out)} is already out with this repair: take it back first`);
  const { rows } = await tx.query<{ school_id: string; asset_tag: string | null; serial: string }>(
    `SELECT lp.school_id, d.asset_tag, d.serial FROM device_loaner_pool lp JOIN devices d ON d.id = lp.device_id
      WHERE lp.device_id = $1 AND lp.district_id = $2`,
    [input.deviceId, author.districtId],
  );
  const pool = rows[0];
  if (!pool) throw new AppError('conflict', 'That device is not in a loaner pool', { field: 'deviceId' });
  const person = (await personById(tx, author.districtId, repair.person_id))!;

  const lent = await checkoutDevice(tx, author, input.deviceId, {
    assignee: { type: person.primaryRole === 'student' ? 'student' : 'staff', personId: person.id },
    kind: 'loaner',
    accessories: input.accessories,
    dueOn: input.dueOn,
    note: `Loaner while ${deviceLabel(repair)} is in repair`,
    holdOverrideReason: input.holdOverrideReason,
  });
  await tx.query('INSERT INTO device_repair_loans (assignment_id, district_id, repair_id) VALUES ($1, $2, $3)', [
    lent.assignmentId,
    author.districtId,
    repair.id,
  ]);
  const loanerLabel = pool.asset_tag ?? pool.serial;
  await appendDeviceEvent(tx, {
    districtId: author.districtId,
    deviceId: repair.device_id,
    actorAccountId: author.accountId,
    actorLabel: author.label,
    type: 'loaner_out',
    personId: person.id,
    details: { repairId: repair.id, loanerDeviceId: input.deviceId, loanerTag: loanerLabel, dueOn: input.dueOn },
  });
  await auditDevices(tx, author, {
    action: 'device_loaner.out',
    entityType: 'device_repair',
    entityId: repair.id,
    details: { loanerDeviceId: input.deviceId, personId: person.id, dueOn: input.dueOn, assignmentId: lent.assignmentId },
  });
  const warnings = [...lent.warnings];
  if (repair.school_id && pool.school_id !== repair.school_id) warnings.push(`${loanerLabel} belongs to another school's loaner pool`);
  return warnings;
}
