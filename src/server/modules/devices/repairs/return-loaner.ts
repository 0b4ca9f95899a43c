import type { z } from 'zod';
import type { Queryable } from '../../../db/client';
import { AppError, notFound } from '../../../platform/errors';
import type { returnLoanerSchema } from '../../../../shared/api/device-loaners';
import { appendDeviceEvent } from '../devices.repository';
import { auditDevices, type DeviceAuthor } from '../device-author';
import { checkinDevice } from '../checkin';
import { deviceLabel, lockRepair, openLoanOf, type LockedRepair } from './repairs.repository';

export type ReturnInput = z.output<typeof returnLoanerSchema>;

/** Takes back the loaner lent with a repair (a check-in with its condition), noted on the repaired device. */
export async function returnLoanerOf(tx: Queryable, author: DeviceAuthor, repair: LockedRepair, input: ReturnInput): Promise<string[]> {
  const loan = await openLoanOf(tx, repair.id);
  if (!loan) throw new AppError('conflict', 'No loaner is out with this repair');
  const back = await checkinDevice(tx, author, loan.device_id, { condition: input.condition, note: input.note });
  await appendDeviceEvent(tx, {
    districtId: author.districtId,
    deviceId: repair.device_id,
    actorAccountId: author.accountId,
    actorLabel: author.label,
    type: 'loaner_in',
    personId: back.personId,
    condition: input.condition,
    details: { repairId: repair.id, loanerDeviceId: loan.device_id, loanerTag: deviceLabel(loan) },
  });
  await auditDevices(tx, author, {
    action: 'device_loaner.in',
    entityType: 'device_repair',
    entityId: repair.id,
    details: { loanerDeviceId: loan.device_id, condition: input.condition, missingAccessories: back.missingAccessories },
  });
  return back.missingAccessories.length > 0 ? [`Not returned with ${deviceLabel(loan)}: ${back.missingAccessories.join(', ')}`] : [];
}

export async function returnLoaner(tx: Queryable, author: DeviceAuthor, repairId: string, input: ReturnInput): Promise<string[]> {
  const repair = await lockRepair(tx, author.districtId, repairId);
  if (!repair) throw notFound('Repair');
  return returnLoanerOf(tx, author, repair, input);
}
