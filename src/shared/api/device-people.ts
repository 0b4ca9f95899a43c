import { z } from 'zod';
import { agreementSchema, holdSchema } from './device-holds';
import { assignmentSchema, deviceEventSchema, deviceSummarySchema } from './devices';

/** Devices from a person's side: what staff see on a person's page, and what a student or family sees of their own. */

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
