import { z } from 'zod';
import { deviceConditionSchema, deviceLimits, deviceStatusSchema, money, trimmed } from './devices';
import { feeEntrySchema } from './device-fees';
import { pageFields, personRef, repairKindSchema, repairLimits, repairStatusSchema } from './device-repair-fields';

/** Repairs: opened, sent to a vendor, ready for pickup, closed (issue 6). Kinds, states and limits: device-repair-fields.ts. */

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
