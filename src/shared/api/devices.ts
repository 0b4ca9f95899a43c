import { z } from 'zod';
import { limits } from '../limits';

/** A device's lifecycle. Which moves are legal is decided by the server's status machine. */
export const deviceStatuses = ['in_stock', 'assigned', 'loaner', 'in_repair', 'lost', 'stolen', 'retired', 'ewaste'] as const;
export const deviceStatusSchema = z.enum(deviceStatuses);
export type DeviceStatus = z.infer<typeof deviceStatusSchema>;

export const deviceCategories = ['chromebook', 'laptop', 'tablet', 'desktop', 'hotspot', 'charger', 'other'] as const;
export const deviceCategorySchema = z.enum(deviceCategories);

export const fundingSources = ['general_fund', 'esser', 'e_rate', 'grant', 'bond', 'other'] as const;
export const fundingSourceSchema = z.enum(fundingSources);

/** How a device looks when handed out; 'damaged' at check-in sends it to repair. */
export const deviceConditions = ['new', 'good', 'fair', 'poor', 'damaged'] as const;
export const deviceConditionSchema = z.enum(deviceConditions);

export const assigneeTypes = ['student', 'staff', 'cart', 'room'] as const;
export const assigneeTypeSchema = z.enum(assigneeTypes);

export const deviceLimits = {
  tagMax: 64,
  serialMax: 64,
  textMax: 200,
  notesMax: 4000,
  reasonMax: 500,
  accessoriesMax: 10,
  /** The largest CSV the import accepts (about 200,000 devices). */
  importMaxBytes: 50 * 1024 * 1024,
  /** Errors listed in an import report; the import stops looking once it has found this many. */
  importErrorsMax: 100,
  /** How long after a scan its undo token works. */
  undoMinutes: 15,
} as const;

export const isoDate = z.iso.date();
export const money = z
  .string()
  .regex(/^\d{1,10}(\.\d{1,2})?$/, 'an amount like 249.99')
  .or(
    z
      .number()
      .nonnegative()
      .transform((n) => n.toFixed(2)),
  );
export const trimmed = (max: number) => z.string().trim().min(1).max(max);
export const accessoriesSchema = z.array(z.string().trim().min(1).max(50)).max(deviceLimits.accessoriesMax);

// ---- models ----

export const deviceModelSchema = z.object({
  id: z.uuid(),
  manufacturer: z.string().nullable(),
  name: z.string(),
  category: deviceCategorySchema,
  expectedLifeYears: z.number().int().nullable(),
  replacementPrice: z.string().nullable(),
  aueDate: z.string().nullable(),
  deviceCount: z.number().int(),
});
export type DeviceModel = z.infer<typeof deviceModelSchema>;

export const deviceModelInputSchema = z.object({
  manufacturer: trimmed(deviceLimits.textMax).nullable().optional(),
  name: trimmed(deviceLimits.textMax),
  category: deviceCategorySchema,
  expectedLifeYears: z.number().int().min(1).max(20).nullable().optional(),
  replacementPrice: money.nullable().optional(),
  aueDate: isoDate.nullable().optional(),
});
export type DeviceModelInput = z.input<typeof deviceModelInputSchema>;
export const deviceModelPatchSchema = deviceModelInputSchema.partial();

// ---- devices ----

export const assigneeSchema = z.object({
  type: assigneeTypeSchema,
  personId: z.uuid().nullable(),
  /** The person's name, or the cart's or room's label. */
  name: z.string(),
  identifier: z.string().nullable(),
});
export type Assignee = z.infer<typeof assigneeSchema>;

export const deviceSummarySchema = z.object({
  id: z.uuid(),
  assetTag: z.string().nullable(),
  serial: z.string(),
  status: deviceStatusSchema,
  modelId: z.uuid().nullable(),
  modelName: z.string().nullable(),
  category: deviceCategorySchema.nullable(),
  schoolId: z.uuid().nullable(),
  schoolName: z.string().nullable(),
  location: z.string().nullable(),
  assignee: assigneeSchema.nullable(),
  /** The device's own AUE, else its model's. */
  aueDate: z.string().nullable(),
});
export type DeviceSummary = z.infer<typeof deviceSummarySchema>;

export const deviceSortSchema = z.enum(['tag', '-tag', 'serial', '-serial', 'status', '-status', 'updated', '-updated']);

export const devicesQuerySchema = z.object({
  /** Matches the asset tag, the serial, or the assignee's name, ID or email (every word must match). */
  q: z.string().trim().max(limits.searchMax).optional(),
  status: deviceStatusSchema.optional(),
  schoolId: z.uuid().optional(),
  modelId: z.uuid().optional(),
  sort: deviceSortSchema.default('tag'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(limits.pageSizeMax).default(limits.pageSizeDefault),
});

export const devicesPageSchema = z.object({
  items: z.array(deviceSummarySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const deviceEventTypes = [
  'created',
  'updated',
  'status_changed',
  'checked_out',
  'checked_in',
  'undone',
  'imported',
  'repair_opened',
  'repair_updated',
  'repair_closed',
  'loaner_out',
  'loaner_in',
  /** Scanned in a physical audit; details: auditId, schoolName (the audited school), result. */
  'audit_seen',
] as const;

export const deviceEventSchema = z.object({
  id: z.uuid(),
  at: z.string(),
  type: z.enum(deviceEventTypes),
  actor: z.string(),
  fromStatus: deviceStatusSchema.nullable(),
  toStatus: deviceStatusSchema.nullable(),
  personId: z.uuid().nullable(),
  personName: z.string().nullable(),
  condition: z.string().nullable(),
  note: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type DeviceEvent = z.infer<typeof deviceEventSchema>;

export const assignmentSchema = z.object({
  id: z.uuid(),
  deviceId: z.uuid(),
  kind: z.enum(['assigned', 'loaner']),
  assignee: assigneeSchema,
  checkedOutAt: z.string(),
  checkedOutBy: z.string(),
  conditionOut: z.string().nullable(),
  accessories: z.array(z.string()),
  dueOn: z.string().nullable(),
  checkedInAt: z.string().nullable(),
  checkedInBy: z.string().nullable(),
  conditionIn: z.string().nullable(),
  accessoriesReturned: z.array(z.string()).nullable(),
});
export type Assignment = z.infer<typeof assignmentSchema>;

export const deviceDetailSchema = deviceSummarySchema.extend({
  manufacturer: z.string().nullable(),
  purchaseDate: z.string().nullable(),
  cost: z.string().nullable(),
  fundingSource: fundingSourceSchema.nullable(),
  warrantyEnd: z.string().nullable(),
  /** The device's own AUE override (aueDate above falls back to the model's). */
  aueOverride: z.string().nullable(),
  notes: z.string().nullable(),
  customFields: z.record(z.string(), z.unknown()),
  google: z.object({
    orgUnitPath: z.string().nullable(),
    lastSync: z.string().nullable(),
    osVersion: z.string().nullable(),
    macAddress: z.string().nullable(),
    annotatedUser: z.string().nullable(),
  }),
  currentAssignment: assignmentSchema.nullable(),
  assignments: z.array(assignmentSchema),
  history: z.array(deviceEventSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type DeviceDetail = z.infer<typeof deviceDetailSchema>;

const deviceFields = {
  assetTag: trimmed(deviceLimits.tagMax).nullable().optional(),
  modelId: z.uuid().nullable().optional(),
  schoolId: z.uuid().nullable().optional(),
  location: trimmed(deviceLimits.textMax).nullable().optional(),
  purchaseDate: isoDate.nullable().optional(),
  cost: money.nullable().optional(),
  fundingSource: fundingSourceSchema.nullable().optional(),
  warrantyEnd: isoDate.nullable().optional(),
  aueDate: isoDate.nullable().optional(),
  notes: z.string().max(deviceLimits.notesMax).nullable().optional(),
  customFields: z.record(z.string().max(100), z.union([z.string().max(500), z.number(), z.boolean(), z.null()])).optional(),
};

export const deviceCreateSchema = z.object({
  ...deviceFields,
  serial: trimmed(deviceLimits.serialMax),
  /** in_stock unless given; assigned and loaner come only from a check-out. */
  status: z.enum(['in_stock', 'in_repair', 'lost', 'stolen', 'retired']).optional(),
});
export type DeviceCreate = z.input<typeof deviceCreateSchema>;

/** Everything but the status, which changes only through the status machine. */
export const deviceUpdateSchema = z.object({ ...deviceFields, serial: trimmed(deviceLimits.serialMax).optional() });
export type DeviceUpdate = z.input<typeof deviceUpdateSchema>;

export const statusChangeSchema = z.object({
  status: deviceStatusSchema,
  note: z.string().trim().max(deviceLimits.reasonMax).optional(),
});

// ---- district counts ----

export const deviceSummaryCountsSchema = z.object({
  byStatus: z.array(z.object({ status: deviceStatusSchema, devices: z.number().int() })),
  bySchool: z.array(
    z.object({
      schoolId: z.uuid().nullable(),
      schoolName: z.string().nullable(),
      devices: z.number().int(),
      assigned: z.number().int(),
      inRepair: z.number().int(),
      lost: z.number().int(),
      onLoan: z.number().int(),
    }),
  ),
});
