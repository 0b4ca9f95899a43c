import { z } from 'zod';
import { deviceLimits, money, trimmed } from './devices';

/** Holds on new devices (a fee owed, a reason staff gave) and signed use agreements. */

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
