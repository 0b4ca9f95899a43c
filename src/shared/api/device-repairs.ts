import { z } from 'zod';
import { limits } from '../limits';
import { deviceConditionSchema, deviceLimits, deviceStatusSchema, deviceSummarySchema } from './devices';
import { holdSchema } from './device-holds';

/** Repairs, the parts catalog, loaner pools and fees (issue 6). Money is a decimal string ('45.00'), as for device cost. */

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

const noCardData = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !looksLikeCardNumber(s), {
      message: 'looks like a card number: never record card data, give the receipt or transaction number instead',
    });

const money = z
  .string()
  .regex(/^\d{1,10}(\.\d{1,2})?$/, 'an amount like 45.00')
  .or(
    z
      .number()
      .nonnegative()
      .transform((n) => n.toFixed(2)),
  );
const positiveMoney = money.refine((s) => Number(s) > 0, 'must be more than 0');
const trimmed = (max: number) => z.string().trim().min(1).max(max);
const isoDate = z.iso.date();
const pageFields = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(limits.pageSizeMax).default(limits.pageSizeDefault),
};

const personRef = z.object({ id: z.uuid(), name: z.string(), identifier: z.string().nullable() });

// ---- parts catalog ----

export const partStockSchema = z.object({
  /** null: the district's depot. */
  schoolId: z.uuid().nullable(),
  schoolName: z.string().nullable(),
  quantity: z.number().int(),
  /** At or below the part's reorder level. */
  belowReorder: z.boolean(),
});

export const partSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  sku: z.string(),
  cost: z.string(),
  modelId: z.uuid().nullable(),
  modelName: z.string().nullable(),
  reorderLevel: z.number().int(),
  active: z.boolean(),
  stock: z.array(partStockSchema),
});
export type Part = z.infer<typeof partSchema>;

export const partInputSchema = z.object({
  name: trimmed(deviceLimits.textMax),
  sku: trimmed(deviceLimits.tagMax),
  cost: money,
  /** The model the part fits, when it fits only one. */
  modelId: z.uuid().nullable().optional(),
  reorderLevel: z.number().int().min(0).max(repairLimits.stockMax).optional(),
});
export const partPatchSchema = partInputSchema.partial().extend({ active: z.boolean().optional() });

export const partStockSetSchema = z.object({
  schoolId: z.uuid().nullable(),
  /** The count on the shelf now (a stock take or a delivery). */
  quantity: z.number().int().min(0).max(repairLimits.stockMax),
});

export const partsQuerySchema = z.object({
  q: z.string().trim().max(limits.searchMax).optional(),
  modelId: z.uuid().optional(),
  includeInactive: z.enum(['true', 'false']).optional(),
});

export const reorderItemSchema = z.object({
  partId: z.uuid(),
  name: z.string(),
  sku: z.string(),
  schoolId: z.uuid().nullable(),
  schoolName: z.string().nullable(),
  quantity: z.number().int(),
  reorderLevel: z.number().int(),
});

// ---- repairs ----

export const repairPartUseSchema = z.object({
  partId: z.uuid(),
  quantity: z.number().int().min(1).max(repairLimits.partQuantityMax).default(1),
  /** Whose stock to take it from: the repair's school unless given; null is the depot. */
  schoolId: z.uuid().nullable().optional(),
});

export const repairCreateSchema = z.object({
  kind: repairKindSchema,
  description: trimmed(repairLimits.descriptionMax),
  vendor: trimmed(deviceLimits.textMax).nullable().optional(),
  /** Labour or the vendor's invoice. */
  laborCost: money.optional(),
  ticketRef: trimmed(repairLimits.referenceMax).nullable().optional(),
  /** The student whose device it is; defaults to whoever has it (or last had it, if checked in damaged). */
  personId: z.uuid().optional(),
  parts: z.array(repairPartUseSchema).max(50).default([]),
});
export type RepairCreate = z.input<typeof repairCreateSchema>;

export const repairPatchSchema = z.object({
  kind: repairKindSchema.optional(),
  description: trimmed(repairLimits.descriptionMax).optional(),
  vendor: trimmed(deviceLimits.textMax).nullable().optional(),
  laborCost: money.optional(),
  ticketRef: trimmed(repairLimits.referenceMax).nullable().optional(),
});

export const repairStatusChangeSchema = z.object({
  status: z.enum(['sent_to_vendor', 'ready_for_pickup', 'closed', 'cancelled']),
  note: z.string().trim().max(deviceLimits.reasonMax).optional(),
  /** On close or cancel: give the device back to whoever had it (a new check-out), or put it in stock. */
  returnTo: z.enum(['holder', 'stock']).default('holder'),
  /** Giving the device back is a check-out, so a fee hold stops it unless overridden (audited). */
  holdOverrideReason: z.string().trim().min(3).max(deviceLimits.reasonMax).optional(),
  /** On close: the loaner lent with this repair came back in this condition. */
  loanerCondition: deviceConditionSchema.optional(),
});

export const repairLoanSchema = z.object({
  assignmentId: z.uuid(),
  deviceId: z.uuid(),
  assetTag: z.string().nullable(),
  serial: z.string(),
  lentAt: z.string(),
  dueOn: z.string().nullable(),
  returnedAt: z.string().nullable(),
  conditionIn: z.string().nullable(),
  overdue: z.boolean(),
});

export const repairPartLineSchema = z.object({
  id: z.uuid(),
  partId: z.uuid(),
  name: z.string(),
  sku: z.string(),
  quantity: z.number().int(),
  unitCost: z.string(),
  schoolId: z.uuid().nullable(),
  usedAt: z.string(),
  usedBy: z.string(),
});

export const repairSummarySchema = z.object({
  id: z.uuid(),
  device: z.object({ id: z.uuid(), assetTag: z.string().nullable(), serial: z.string(), modelName: z.string().nullable() }),
  schoolId: z.uuid().nullable(),
  schoolName: z.string().nullable(),
  person: personRef.nullable(),
  kind: repairKindSchema,
  description: z.string(),
  vendor: z.string().nullable(),
  ticketRef: z.string().nullable(),
  status: repairStatusSchema,
  laborCost: z.string(),
  partsCost: z.string(),
  totalCost: z.string(),
  openedAt: z.string(),
  openedBy: z.string(),
  sentAt: z.string().nullable(),
  readyAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  closedBy: z.string().nullable(),
});
export type RepairSummary = z.infer<typeof repairSummarySchema>;

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

export const repairNoticeSchema = z.object({
  kind: z.literal('ready_for_pickup'),
  personId: z.uuid().nullable(),
  personName: z.string().nullable(),
  email: z.string(),
  /** 'both': no account language was known, so the email carried English and Spanish. */
  language: z.enum(['en', 'es', 'both']),
  sentAt: z.string(),
});

export const repairDetailSchema = repairSummarySchema.extend({
  previousStatus: deviceStatusSchema,
  parts: z.array(repairPartLineSchema),
  loans: z.array(repairLoanSchema),
  notices: z.array(repairNoticeSchema),
  fees: z.array(feeEntrySchema),
});
export type RepairDetail = z.infer<typeof repairDetailSchema>;

export const repairResultSchema = z.object({
  repair: repairDetailSchema,
  warnings: z.array(z.string()),
  /** On ready for pickup: the email to the student and guardians is queued, or SMTP is not configured. */
  pickupNotice: z.enum(['queued', 'not_configured', 'no_recipients']).nullable(),
});

export const repairsQuerySchema = z.object({
  status: repairStatusSchema.optional(),
  /** Only repairs still in progress (not closed or cancelled). */
  open: z.enum(['true', 'false']).optional(),
  schoolId: z.uuid().optional(),
  personId: z.uuid().optional(),
  deviceId: z.uuid().optional(),
  ...pageFields,
});

export const repairsPageSchema = z.object({
  items: z.array(repairSummarySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

// ---- loaners ----

export const loanerPoolAddSchema = z.object({ schoolId: z.uuid() });

export const loanerPoolItemSchema = z.object({
  device: deviceSummarySchema,
  poolSchoolId: z.uuid(),
  poolSchoolName: z.string(),
  addedAt: z.string(),
  /** The loan in progress, if the device is out. */
  loan: z
    .object({
      assignmentId: z.uuid(),
      person: personRef.nullable(),
      lentAt: z.string(),
      dueOn: z.string().nullable(),
      overdue: z.boolean(),
      repairId: z.uuid().nullable(),
    })
    .nullable(),
});

export const loanerPoolQuerySchema = z.object({
  schoolId: z.uuid().optional(),
  /** Only devices that can be lent now. */
  available: z.enum(['true', 'false']).optional(),
});

export const lendLoanerSchema = z.object({
  /** The loaner: a device in a loaner pool, in stock. */
  deviceId: z.uuid(),
  dueOn: isoDate,
  accessories: z.array(z.string().trim().min(1).max(50)).max(deviceLimits.accessoriesMax).default([]),
  holdOverrideReason: z.string().trim().min(3).max(deviceLimits.reasonMax).optional(),
});

export const returnLoanerSchema = z.object({
  condition: deviceConditionSchema,
  note: z.string().trim().max(deviceLimits.reasonMax).optional(),
});

export const overdueLoanSchema = z.object({
  assignmentId: z.uuid(),
  device: z.object({ id: z.uuid(), assetTag: z.string().nullable(), serial: z.string() }),
  schoolId: z.uuid().nullable(),
  schoolName: z.string().nullable(),
  /** The student or staff member who has it; a cart or room has no person. */
  person: personRef.nullable(),
  holder: z.string(),
  lentAt: z.string(),
  dueOn: z.string(),
  daysOverdue: z.number().int(),
  repairId: z.uuid().nullable(),
});

export const overdueQuerySchema = z.object({ schoolId: z.uuid().optional() });

// ---- fees ----

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
