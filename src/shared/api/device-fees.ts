import { z } from 'zod';
import { deviceLimits, money, trimmed } from './devices';
import { holdSchema } from './device-holds';
import {
  feeEntryKinds,
  noCardData,
  pageFields,
  paymentMethodSchema,
  personRef,
  positiveMoney,
  repairKindSchema,
  repairLimits,
} from './device-repair-fields';

/** Device fees: the price list and each person's ledger of charges, payments and waivers (issue 6). Append-only. */

export const feeEntrySchema = z.object({
  id: z.uuid(),
  at: z.string(),
  kind: z.enum(feeEntryKinds),
  /** Always positive; a payment or a waiver lowers the balance. */
  amount: z.string(),
  description: z.string(),
  /** A price-list charge's description in Spanish, when its price has a Spanish name. */
  descriptionEs: z.string().nullable(),
  repairId: z.uuid().nullable(),
  priceId: z.uuid().nullable(),
  quantity: z.number().int().nullable(),
  /** What the price list says, when a free occurrence made the charge 0. */
  listAmount: z.string().nullable(),
  free: z.boolean(),
  schoolYear: z.number().int().nullable(),
  method: paymentMethodSchema.nullable(),
  reference: z.string().nullable(),
  reason: z.string().nullable(),
  recordedBy: z.string(),
  /** The balance after this line. */
  balance: z.string(),
});
export type FeeEntry = z.infer<typeof feeEntrySchema>;

export const feePriceSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  /** What families reading Spanish see on their statement; the English name when null. */
  nameEs: z.string().nullable(),
  damageKind: repairKindSchema.nullable(),
  partId: z.uuid().nullable(),
  partName: z.string().nullable(),
  amount: z.string(),
  /** Occurrences per student per school year charged 0 ("the first accidental repair is free"). */
  freePerYear: z.number().int(),
  active: z.boolean(),
});
export type FeePrice = z.infer<typeof feePriceSchema>;

export const feePriceInputSchema = z
  .object({
    name: trimmed(deviceLimits.textMax),
    nameEs: trimmed(deviceLimits.textMax).optional(),
    /** Priced by damage kind, or by part: exactly one of the two. */
    damageKind: repairKindSchema.optional(),
    partId: z.uuid().optional(),
    amount: money,
    freePerYear: z.number().int().min(0).max(100).default(0),
  })
  .refine((p) => (p.damageKind === undefined) !== (p.partId === undefined), {
    message: 'give either a damage kind or a part',
    path: ['damageKind'],
  });
export const feePricePatchSchema = z.object({
  name: trimmed(deviceLimits.textMax).optional(),
  /** null removes the Spanish name. */
  nameEs: trimmed(deviceLimits.textMax).nullable().optional(),
  amount: money.optional(),
  freePerYear: z.number().int().min(0).max(100).optional(),
  active: z.boolean().optional(),
});

export const chargeCreateSchema = z.object({
  personId: z.uuid(),
  amount: positiveMoney,
  description: noCardData(deviceLimits.reasonMax),
  repairId: z.uuid().optional(),
});

export const paymentCreateSchema = z.object({
  personId: z.uuid(),
  amount: positiveMoney,
  method: paymentMethodSchema,
  /** A receipt, check or transaction number: never a card number (refused). */
  reference: noCardData(repairLimits.referenceMax).optional(),
  note: noCardData(deviceLimits.reasonMax).optional(),
});

export const waiverCreateSchema = z.object({
  personId: z.uuid(),
  amount: positiveMoney,
  reason: z.string().trim().min(3).max(deviceLimits.reasonMax),
});

export const statementSchema = z.object({
  person: personRef,
  balance: z.string(),
  charged: z.string(),
  paid: z.string(),
  waived: z.string(),
  lines: z.array(feeEntrySchema),
  /** The hold fees placed, while the balance is unpaid. */
  hold: holdSchema.nullable(),
});
export type Statement = z.infer<typeof statementSchema>;

export const repairChargeResultSchema = z.object({
  /** The charges made, one per price that applied (0 when a free occurrence). */
  charges: z.array(feeEntrySchema),
  statement: statementSchema,
});

export const balancesQuerySchema = z.object({ schoolId: z.uuid().optional(), ...pageFields });
export const balancesPageSchema = z.object({
  items: z.array(
    z.object({
      person: personRef,
      schoolName: z.string().nullable(),
      balance: z.string(),
      lastActivityAt: z.string(),
      held: z.boolean(),
    }),
  ),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
