import type { z } from 'zod';
import type { Queryable } from '../../../db/client';
import { AppError } from '../../../platform/errors';
import type { chargeCreateSchema } from '../../../../shared/api/device-fees';
import { auditDevices, type DeviceAuthor } from '../device-author';
import { personById } from '../device-people';
import { insertEntry, lockFeesOf, syncFeeHold } from './fee-ledger';
import { currentSchoolYear } from './school-year';

/** A charge made by hand (a lost charger, a fee the price list does not cover); it places the fee hold. */
export async function addCharge(tx: Queryable, author: DeviceAuthor, input: z.output<typeof chargeCreateSchema>): Promise<string> {
  const person = await personById(tx, author.districtId, input.personId);
  if (!person) throw new AppError('validation_failed', 'No such person in this district', { field: 'personId' });
  if (input.repairId) {
    const { rows } = await tx.query('SELECT 1 FROM device_repairs WHERE id = $1 AND district_id = $2', [input.repairId, author.districtId]);
    if (rows.length === 0) throw new AppError('validation_failed', 'No such repair in this district', { field: 'repairId' });
  }
  await lockFeesOf(tx, person.id);
  const id = await insertEntry(tx, author, {
    personId: person.id,
    kind: 'charge',
    amount: input.amount,
    description: input.description,
    repairId: input.repairId ?? null,
    schoolYear: await currentSchoolYear(tx, author.districtId),
  });
  await syncFeeHold(tx, author, person.id);
  await auditDevices(tx, author, {
    action: 'device_fee.charge',
    entityType: 'person',
    entityId: person.id,
    details: { entryIds: [id], amount: input.amount, description: input.description, repairId: input.repairId ?? null },
  });
  return id;
}
