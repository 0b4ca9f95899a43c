import type { z } from 'zod';
import type { Queryable } from '../../../db/client';
import { AppError } from '../../../platform/errors';
import type { paymentCreateSchema, waiverCreateSchema } from '../../../../shared/api/device-fees';
import { auditDevices, type DeviceAuthor } from '../device-author';
import { personById } from '../device-people';
import { insertEntry, lockFeesOf, syncFeeHold } from './fee-ledger';

/** Checks the person and that the amount does not take the balance below zero (no credit balances). */
async function assertWithinBalance(tx: Queryable, author: DeviceAuthor, personId: string, amount: string, what: string): Promise<void> {
  const person = await personById(tx, author.districtId, personId);
  if (!person) throw new AppError('validation_failed', 'No such person in this district', { field: 'personId' });
  await lockFeesOf(tx, person.id);
  const { rows } = await tx.query<{ balance: string; over: boolean }>(
    `SELECT b.balance, $3::numeric > b.balance AS over FROM (
       SELECT coalesce(sum(CASE WHEN kind = 'charge' THEN amount ELSE -amount END), 0)::numeric(12, 2) AS balance
         FROM device_fee_entries WHERE person_id = $1 AND district_id = $2) b`,
    [person.id, author.districtId, amount],
  );
  const { balance, over } = rows[0]!;
  if (over) {
    throw new AppError('conflict', `The ${what} of ${amount} is more than ${person.name}'s balance of ${balance}`, {
      field: 'amount',
      details: { balance },
    });
  }
}

/** Records a payment (never card data: the schema refuses a reference that looks like a card number). */
export async function recordPayment(tx: Queryable, author: DeviceAuthor, input: z.output<typeof paymentCreateSchema>): Promise<string> {
  await assertWithinBalance(tx, author, input.personId, input.amount, 'payment');
  const id = await insertEntry(tx, author, {
    personId: input.personId,
    kind: 'payment',
    amount: input.amount,
    description: `Payment (${input.method})`,
    method: input.method,
    reference: input.reference ?? null,
    reason: input.note ?? null,
  });
  await syncFeeHold(tx, author, input.personId);
  await auditDevices(tx, author, {
    action: 'device_fee.payment',
    entityType: 'person',
    entityId: input.personId,
    details: { entryId: id, amount: input.amount, method: input.method, reference: input.reference ?? null },
  });
  return id;
}

/** Waives part or all of a balance, with the reason written to the ledger and the audit log. */
export async function recordWaiver(tx: Queryable, author: DeviceAuthor, input: z.output<typeof waiverCreateSchema>): Promise<string> {
  await assertWithinBalance(tx, author, input.personId, input.amount, 'waiver');
  const id = await insertEntry(tx, author, {
    personId: input.personId,
    kind: 'waiver',
    amount: input.amount,
    description: 'Waiver',
    reason: input.reason,
  });
  await syncFeeHold(tx, author, input.personId);
  await auditDevices(tx, author, {
    action: 'device_fee.waiver',
    entityType: 'person',
    entityId: input.personId,
    details: { entryId: id, amount: input.amount, reason: input.reason },
  });
  return id;
}
