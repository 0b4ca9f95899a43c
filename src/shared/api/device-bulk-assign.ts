import { z } from 'zod';
import { importErrorSchema } from './rostering';

/** POST /api/devices/assignments/import's query (the CSV file is the body). */
export const bulkAssignQuerySchema = z.object({
  fileName: z.string().trim().min(1).max(255).optional(),
});

/**
 * The report of a bulk assignment from CSV, shaped like the device import's: with any error,
 * `status` is 'error', `errors` name file, row, column and value, and nothing was changed.
 */
export const bulkAssignReportSchema = z.object({
  status: z.enum(['ok', 'error']),
  file: z.string(),
  rows: z.number().int(),
  counts: z.object({
    /** Devices checked out (0 when refused). */
    assigned: z.number().int(),
    byType: z.object({ student: z.number().int(), staff: z.number().int(), cart: z.number().int(), room: z.number().int() }),
    /** Rows issued despite a hold, each with the row's override reason (audited). */
    holdsOverridden: z.number().int(),
  }),
  errors: z.array(importErrorSchema),
  errorsTruncated: z.boolean(),
  warnings: z.array(z.string()),
});
export type BulkAssignReport = z.infer<typeof bulkAssignReportSchema>;
