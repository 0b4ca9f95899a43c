import { z } from 'zod';
import { limits } from '../limits';

/** OneRoster files DistrictOps imports, in the order they are applied. */
export const rosterFileTypes = [
  'orgs',
  'academicSessions',
  'courses',
  'classes',
  'users',
  'roles',
  'demographics',
  'enrollments',
  'userProfiles',
] as const;
export type RosterFileType = (typeof rosterFileTypes)[number];

/** Counts are kept per file type, plus the guardian links derived from users' agentSourcedIds. */
export type RosterCountKey = RosterFileType | 'guardianLinks';

export const rosterLimits = {
  /** The largest zip the upload page accepts: a 100,000-student district zips to about 40 MB. */
  uploadMaxBytes: 512 * 1024 * 1024,
  /** Errors listed in a report; the import stops reading once it has found this many. */
  errorsMax: 100,
} as const;

export const changeCountsSchema = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  deactivated: z.number().int(),
  unchanged: z.number().int(),
});
export type ChangeCounts = z.infer<typeof changeCountsSchema>;

export const importCountsSchema = z.record(z.string(), changeCountsSchema);
export type ImportCounts = z.infer<typeof importCountsSchema>;

/** One refusal: `row` is the spreadsheet row (the header is row 1); null when the problem is the whole file. */
export const importErrorSchema = z.object({
  file: z.string(),
  row: z.number().int().nullable(),
  column: z.string().nullable(),
  value: z.string().nullable(),
  message: z.string(),
});
export type ImportError = z.infer<typeof importErrorSchema>;

export const importModeSchema = z.enum(['bulk', 'delta', 'absent']);
export type ImportMode = z.infer<typeof importModeSchema>;

export const importFileSchema = z.object({
  name: z.string(),
  bytes: z.number().int(),
  sha256: z.string(),
  mode: importModeSchema.nullable(),
  rows: z.number().int(),
});
export type ImportFile = z.infer<typeof importFileSchema>;

export const importPhaseSchema = z.enum(['queued', 'reading', 'checking', 'applying', 'finished']);
export type ImportPhase = z.infer<typeof importPhaseSchema>;

export const importProgressSchema = z.object({
  phase: importPhaseSchema,
  /** The file being read, during the reading phase. */
  file: z.string().nullable(),
  rowsRead: z.number().int(),
  percent: z.number().min(0).max(100),
});
export type ImportProgress = z.infer<typeof importProgressSchema>;

export const importStatusSchema = z.enum(['queued', 'running', 'succeeded', 'failed']);
export type ImportStatus = z.infer<typeof importStatusSchema>;

export const rosterImportSchema = z.object({
  id: z.uuid(),
  status: importStatusSchema,
  source: z.enum(['upload', 'cli', 'demo']),
  fileName: z.string().nullable(),
  actorLabel: z.string(),
  version: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  progress: importProgressSchema.nullable(),
  files: z.array(importFileSchema),
  counts: importCountsSchema,
  errors: z.array(importErrorSchema),
  errorsTruncated: z.boolean(),
  warnings: z.array(z.string()),
});
export type RosterImport = z.infer<typeof rosterImportSchema>;

export const rosterImportsQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(limits.pageSizeMax).default(20),
});

export const rosterImportsPageSchema = z.object({
  items: z.array(rosterImportSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

/** The upload is the zip itself as the request body; its name travels in the query string. */
export const rosterUploadQuerySchema = z.object({
  fileName: z.string().trim().min(1).max(255).optional(),
});

export const rosterUploadResponseSchema = z.object({ import: rosterImportSchema });
