import { z } from 'zod';
import { accessoriesSchema, assignmentSchema, deviceConditionSchema, deviceLimits, deviceSummarySchema, isoDate, trimmed } from './devices';

/** Check-out and check-in, the scan station and its undo: a device changing hands. */

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
