import { z } from 'zod';
import { limits } from '../limits';
import { deviceLimits, deviceStatusSchema, deviceSummarySchema } from './devices';

/**
 * Physical audits: a school's devices counted by scanning them. While an audit is open the
 * devices expected are the school's devices that are not retired, e-waste, lost or stolen;
 * closing it freezes the counts and the list of devices nobody scanned.
 */
export const deviceAuditStatuses = ['open', 'closed'] as const;

/** What a scan found. */
export const auditItemResults = ['seen_here', 'seen_elsewhere', 'missing'] as const;
export const auditItemResultSchema = z.enum(auditItemResults);

export const deviceAuditCountsSchema = z.object({
  /** Devices of the school that should be there (live while open, frozen at close). */
  expected: z.number().int(),
  /** Expected devices scanned. */
  seenHere: z.number().int(),
  /** Devices scanned at this school that belong to another school, or to none. */
  seenElsewhere: z.number().int(),
  /** Expected devices not scanned (yet). */
  missing: z.number().int(),
});
export type DeviceAuditCounts = z.infer<typeof deviceAuditCountsSchema>;

export const deviceAuditSchema = z.object({
  id: z.uuid(),
  schoolId: z.uuid(),
  schoolName: z.string(),
  name: z.string(),
  dueOn: z.string(),
  status: z.enum(deviceAuditStatuses),
  /** Open past its due date. */
  overdue: z.boolean(),
  createdAt: z.string(),
  createdBy: z.string(),
  closedAt: z.string().nullable(),
  closedBy: z.string().nullable(),
  closeNote: z.string().nullable(),
  counts: deviceAuditCountsSchema,
});
export type DeviceAudit = z.infer<typeof deviceAuditSchema>;

export const deviceAuditCreateSchema = z.object({
  schoolId: z.uuid(),
  name: z.string().trim().min(1).max(deviceLimits.textMax),
  dueOn: z.iso.date(),
});
export type DeviceAuditCreate = z.input<typeof deviceAuditCreateSchema>;

export const deviceAuditUpdateSchema = deviceAuditCreateSchema.pick({ name: true, dueOn: true }).partial();

export const deviceAuditsQuerySchema = z.object({
  schoolId: z.uuid().optional(),
  status: z.enum(deviceAuditStatuses).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(limits.pageSizeMax).default(limits.pageSizeDefault),
});

export const deviceAuditsPageSchema = z.object({
  items: z.array(deviceAuditSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

/** The body may be left out: a close needs no note. */
export const deviceAuditCloseSchema = z
  .object({ note: z.string().trim().max(deviceLimits.reasonMax).optional() })
  .nullish()
  .transform((body) => body ?? {});

export const auditScanRequestSchema = z.object({
  /** What the scanner read: the asset tag, or the serial. */
  tag: z.string().trim().min(1).max(deviceLimits.tagMax),
});

/**
 * A scan's answer. Like the scan station, a mistake is an answer, not an error: an unknown tag
 * is `result: 'unknown_tag'` so the screen can beep and carry on.
 */
export const auditScanResultSchema = z.object({
  result: z.enum(['seen_here', 'seen_elsewhere', 'already_seen', 'unknown_tag']),
  message: z.string(),
  device: deviceSummarySchema.nullable(),
  /** When the device had already been scanned in this audit: when. */
  firstSeenAt: z.string().nullable(),
  /** E.g. a device reported lost that turned up. */
  warnings: z.array(z.string()),
  counts: deviceAuditCountsSchema,
});
export type AuditScanResult = z.infer<typeof auditScanResultSchema>;

export const auditDevicesQuerySchema = z.object({
  result: auditItemResultSchema.default('missing'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(limits.pageSizeMax).default(limits.pageSizeDefault),
});

export const auditDeviceSchema = z.object({
  device: deviceSummarySchema,
  result: auditItemResultSchema,
  seenAt: z.string().nullable(),
  seenBy: z.string().nullable(),
  scannedAs: z.string().nullable(),
  /** The device's status when scanned (or when the audit closed, for a missing one). */
  statusThen: deviceStatusSchema,
});

export const auditDevicesPageSchema = z.object({
  items: z.array(auditDeviceSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
