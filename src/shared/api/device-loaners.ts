import { z } from 'zod';
import { deviceConditionSchema, deviceLimits, deviceSummarySchema, isoDate } from './devices';
import { personRef } from './device-repair-fields';

/** Loaner pools by school, loans and overdue loans (issue 6). */

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
