import { z } from 'zod';
import { importErrorSchema } from './rostering';

/** Device imports: a CSV file, and Chrome devices from Google Admin. */

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
  /** A device that had not synced for this many days when the export was taken (its newest sync) is flagged as stale, unless the caller says otherwise. */
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
