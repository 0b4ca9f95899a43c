import { z } from 'zod';
import { limits } from '../limits';
import { money } from './devices';

/**
 * What repairs, the parts catalog, loaner pools and fees (issue 6) share: their kinds and states,
 * limits, and the fields they validate alike. Money is a decimal string ('45.00'), as for device
 * cost. The schemas themselves: device-repairs.ts, device-parts.ts, device-loaners.ts, device-fees.ts.
 */

export const repairKinds = ['warranty', 'accidental', 'intentional', 'other'] as const;
export const repairKindSchema = z.enum(repairKinds);
export type RepairKind = z.infer<typeof repairKindSchema>;

/** open → sent to vendor → ready for pickup → closed (steps may be skipped forward); cancelled from any open state. */
export const repairStatuses = ['open', 'sent_to_vendor', 'ready_for_pickup', 'closed', 'cancelled'] as const;
export const repairStatusSchema = z.enum(repairStatuses);
export type RepairStatus = z.infer<typeof repairStatusSchema>;

export const paymentMethods = ['cash', 'check', 'online', 'other'] as const;
export const paymentMethodSchema = z.enum(paymentMethods);

export const feeEntryKinds = ['charge', 'payment', 'waiver'] as const;

export const repairLimits = {
  descriptionMax: 2000,
  referenceMax: 100,
  partQuantityMax: 1000,
  stockMax: 1_000_000,
} as const;

function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * True when the text holds what looks like a payment card number: 13 to 19 digits (spaces or
 * dashes between them allowed) that pass the Luhn check. We never store card data, so a payment
 * reference like that is refused rather than kept.
 */
export function looksLikeCardNumber(text: string): boolean {
  for (const run of text.match(/\d(?:[ -]?\d)*/g) ?? []) {
    const digits = run.replace(/\D/g, '');
    if (digits.length >= 13 && digits.length <= 19 && passesLuhn(digits)) return true;
  }
  return false;
}

export const noCardData = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !looksLikeCardNumber(s), {
      message: 'looks like a card number: never record card data, give the receipt or transaction number instead',
    });

export const positiveMoney = money.refine((s) => Number(s) > 0, 'must be more than 0');
export const pageFields = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(limits.pageSizeMax).default(limits.pageSizeDefault),
};

export const personRef = z.object({ id: z.uuid(), name: z.string(), identifier: z.string().nullable() });
