import { z } from 'zod';
import { limits } from '../limits';
import { importErrorSchema } from './rostering';

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

const isoDate = z.iso.date();
const money = z
  .string()
  .regex(/^\d{1,10}(\.\d{1,2})?$/, 'an amount like 249.99')
  .or(
    z
      .number()
      .nonnegative()
      .transform((n) => n.toFixed(2)),
  );
const trimmed = (max: number) => z.string().trim().min(1).max(max);
const accessoriesSchema = z.array(z.string().trim().min(1).max(50)).max(deviceLimits.accessoriesMax);

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

// ---- check-out and check-in ----

export const checkoutSchema = z.object({
  assignee: z.discriminatedUnion('type', [
    z.object({ type: z.enum(['student', 'staff']), personId: z.uuid() }),
    z.object({ type: z.enum(['cart', 'room']), label: trimmed(deviceLimits.textMax) }),
  ]),
  /** A loaner is lent while the person's own device is in repair. */
  kind: z.enum(['assigned', 'loaner']).default('assigned'),
  accessories: accessoriesSchema.default([]),
  condition: deviceConditionSchema.optional(),
  dueOn: isoDate.optional(),
  note: z.string().trim().max(deviceLimits.reasonMax).optional(),
  /** Issue despite a hold (a fee owed); the reason is written to the audit log. */
  holdOverrideReason: z.string().trim().min(3).max(deviceLimits.reasonMax).optional(),
});
export type CheckoutInput = z.input<typeof checkoutSchema>;

export const checkinSchema = z.object({
  condition: deviceConditionSchema,
  accessoriesReturned: accessoriesSchema.optional(),
  note: z.string().trim().max(deviceLimits.reasonMax).optional(),
});

export const checkoutResultSchema = z.object({
  device: deviceSummarySchema,
  assignment: assignmentSchema,
  /** Reverses this check-out for a few minutes (POST /api/devices/scan/undo). */
  undoToken: z.uuid(),
  warnings: z.array(z.string()),
});

export const checkinResultSchema = z.object({
  device: deviceSummarySchema,
  assignment: assignmentSchema,
  undoToken: z.uuid(),
  /** Accessories handed out that did not come back. */
  missingAccessories: z.array(z.string()),
});

// ---- scan station ----

export const scanRequestSchema = z.object({
  mode: z.enum(['checkout', 'checkin']),
  /** What the badge carries: a student number, sourcedId, email or username. */
  studentId: z.string().trim().min(1).max(deviceLimits.textMax).optional(),
  /** The device's asset tag (its serial also works). */
  tag: z.string().trim().min(1).max(deviceLimits.tagMax),
  accessories: accessoriesSchema.optional(),
  condition: deviceConditionSchema.optional(),
  holdOverrideReason: z.string().trim().min(3).max(deviceLimits.reasonMax).optional(),
});
export type ScanRequest = z.input<typeof scanRequestSchema>;

/** Why a scan stopped the line. The screen shows its own words for each. */
export const scanRefusals = [
  'unknown_student',
  'unknown_tag',
  'student_required',
  'already_assigned',
  'not_available',
  'not_checked_out',
  'hold',
  'wrong_student',
] as const;
export const scanRefusalSchema = z.enum(scanRefusals);
export type ScanRefusal = z.infer<typeof scanRefusalSchema>;

export const scanPersonSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  identifier: z.string().nullable(),
  grades: z.array(z.string()),
  schoolName: z.string().nullable(),
  /** Has a signed use agreement on file. */
  agreementSigned: z.boolean(),
});

export const scanResultSchema = z.object({
  result: z.enum(['checked_out', 'checked_in', 'refused']),
  reason: scanRefusalSchema.nullable(),
  message: z.string(),
  student: scanPersonSchema.nullable(),
  device: deviceSummarySchema.nullable(),
  undoToken: z.uuid().nullable(),
  warnings: z.array(z.string()),
  /** On a hold refusal: why the person is held. */
  holds: z.array(z.object({ id: z.uuid(), reason: z.string(), amount: z.string().nullable() })),
});
export type ScanResult = z.infer<typeof scanResultSchema>;

/** What the scan station shows as soon as a badge is scanned, before the device. */
export const badgeQuerySchema = z.object({ id: z.string().trim().min(1).max(deviceLimits.textMax) });
export const badgeResultSchema = z.object({
  person: scanPersonSchema.extend({ primaryRole: z.string(), active: z.boolean() }).nullable(),
  /** Devices the person holds now. */
  devices: z.array(deviceSummarySchema),
  holds: z.array(z.object({ id: z.uuid(), reason: z.string(), amount: z.string().nullable() })),
});
export type BadgeResult = z.infer<typeof badgeResultSchema>;

export const undoRequestSchema = z.object({ undoToken: z.uuid() });
export const undoResultSchema = z.object({
  result: z.literal('undone'),
  message: z.string(),
  device: deviceSummarySchema,
});

// ---- holds and agreements ----

export const holdSchema = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  personName: z.string(),
  reason: z.string(),
  amount: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
  releasedAt: z.string().nullable(),
  releasedBy: z.string().nullable(),
  releaseReason: z.string().nullable(),
});
export type Hold = z.infer<typeof holdSchema>;

export const holdCreateSchema = z.object({
  personId: z.uuid(),
  reason: trimmed(deviceLimits.reasonMax),
  amount: money.nullable().optional(),
});
export const holdReleaseSchema = z.object({ reason: trimmed(deviceLimits.reasonMax) });

export const agreementSchema = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  signedBy: z.enum(['student', 'guardian']),
  signerPersonId: z.uuid().nullable(),
  signerName: z.string(),
  version: z.string(),
  signedAt: z.string(),
  recordedBy: z.string(),
});
export type Agreement = z.infer<typeof agreementSchema>;

export const agreementCreateSchema = z.object({
  personId: z.uuid(),
  signedBy: z.enum(['student', 'guardian']),
  /** The guardian who signed, when rostered; a guardian who is not gives signerName instead. */
  signerPersonId: z.uuid().optional(),
  signerName: trimmed(deviceLimits.textMax).optional(),
  version: trimmed(50),
  signedAt: z.iso.datetime({ offset: true }).optional(),
});

// ---- a person's devices ----

export const personDevicesSchema = z.object({
  person: z.object({ id: z.uuid(), name: z.string(), identifier: z.string().nullable(), primaryRole: z.string() }),
  current: z.array(z.object({ device: deviceSummarySchema, assignment: assignmentSchema })),
  assignments: z.array(assignmentSchema.extend({ assetTag: z.string().nullable(), serial: z.string() })),
  history: z.array(deviceEventSchema.extend({ deviceId: z.uuid(), assetTag: z.string().nullable() })),
  agreements: z.array(agreementSchema),
  holds: z.array(holdSchema),
});
export type PersonDevices = z.infer<typeof personDevicesSchema>;

export const myDevicesSchema = z.object({
  items: z.array(
    z.object({
      person: z.object({ id: z.uuid(), name: z.string() }),
      devices: z.array(
        z.object({
          assetTag: z.string().nullable(),
          serial: z.string(),
          modelName: z.string().nullable(),
          kind: z.enum(['assigned', 'loaner']),
          checkedOutAt: z.string(),
          accessories: z.array(z.string()),
          dueOn: z.string().nullable(),
        }),
      ),
      agreement: z.object({ version: z.string(), signedAt: z.string(), signedBy: z.enum(['student', 'guardian']) }).nullable(),
      /** Repairs of this person's devices still in progress. */
      repairs: z.array(
        z.object({
          id: z.uuid(),
          assetTag: z.string().nullable(),
          kind: z.enum(['warranty', 'accidental', 'intentional', 'other']),
          status: z.enum(['open', 'sent_to_vendor', 'ready_for_pickup']),
          description: z.string(),
          openedAt: z.string(),
          readyAt: z.string().nullable(),
        }),
      ),
      /** Device fees: the balance owed and the statement (charges, payments, waivers, running balance). */
      fees: z.object({
        balance: z.string(),
        lines: z.array(
          z.object({
            at: z.string(),
            kind: z.enum(['charge', 'payment', 'waiver']),
            description: z.string(),
            descriptionEs: z.string().nullable(),
            amount: z.string(),
            free: z.boolean(),
            method: z.enum(['cash', 'check', 'online', 'other']).nullable(),
            reference: z.string().nullable(),
            balance: z.string(),
          }),
        ),
      }),
    }),
  ),
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

// ---- CSV import ----

export const deviceImportQuerySchema = z.object({
  fileName: z.string().trim().min(1).max(255).optional(),
});

export const deviceImportReportSchema = z.object({
  status: z.enum(['ok', 'error']),
  file: z.string(),
  rows: z.number().int(),
  counts: z.object({
    devices: z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() }),
    models: z.object({ created: z.number().int() }),
  }),
  errors: z.array(importErrorSchema),
  errorsTruncated: z.boolean(),
  warnings: z.array(z.string()),
});
export type DeviceImportReport = z.infer<typeof deviceImportReportSchema>;

// ---- Google Admin import (Chrome devices) ----

export const googleImportLimits = {
  /** A device that has not synced for this many days is flagged as stale, unless the caller says otherwise. */
  staleDaysDefault: 30,
  staleDaysMax: 3650,
} as const;

export const googleDeviceImportQuerySchema = z.object({
  fileName: z.string().trim().min(1).max(255).optional(),
  /** The same, as some upload tools spell it. */
  filename: z.string().trim().min(1).max(255).optional(),
  staleDays: z.coerce.number().int().min(1).max(googleImportLimits.staleDaysMax).optional(),
});

export const googleConflictKinds = ['annotated_user', 'asset_tag'] as const;

export const googleDeviceImportReportSchema = z.object({
  status: z.enum(['ok', 'error']),
  file: z.string(),
  format: z.enum(['json', 'csv']).nullable(),
  rows: z.number().int(),
  counts: z.object({
    devices: z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() }),
    models: z.object({ created: z.number().int() }),
  }),
  flags: z.object({
    stale: z.array(z.object({ serial: z.string(), assetTag: z.string().nullable(), lastSync: z.string() })),
    conflicts: z.array(z.object({ serial: z.string(), kind: z.enum(googleConflictKinds), detail: z.string() })),
  }),
  errors: z.array(importErrorSchema),
  errorsTruncated: z.boolean(),
  warnings: z.array(z.string()),
});
export type GoogleDeviceImportReport = z.infer<typeof googleDeviceImportReportSchema>;
