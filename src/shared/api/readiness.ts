import { z } from 'zod';
import { slugSchema } from './systems';

/**
 * Back-to-school readiness: a checklist per school year for each tier-1 and tier-2 system.
 * A school year is named by the calendar year it ends in (2025–26 is 2026), as OneRoster's
 * `schoolYear` does, so the roster and the readiness board agree on what "2026" means.
 */
export const schoolYearSchema = z.coerce.number().int().min(2000).max(2100);
export const isoDateSchema = z.iso.date();

export const readinessYearCreateSchema = z.object({
  schoolYear: schoolYearSchema,
  /** The first day students are in school: every item is due before it. */
  firstDay: isoDateSchema,
});

export const readinessYearUpdateSchema = z.object({ firstDay: isoDateSchema });

/** Evidence is what an auditor or the board would ask for: a note, a link, or both. */
export const evidenceSchema = z
  .object({
    text: z.string().trim().min(1).max(5000).optional(),
    url: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .optional(),
  })
  .refine((e) => e.text !== undefined || e.url !== undefined, { message: 'give evidence: a note, a link, or both' });

export const readinessItemCreateSchema = z.object({
  systemId: slugSchema,
  title: z.string().trim().min(1).max(300),
  ownerId: z.uuid(),
  dueDate: isoDateSchema,
});

export const readinessItemUpdateSchema = z
  .object({
    title: z.string().trim().min(1).max(300).optional(),
    ownerId: z.uuid().optional(),
    dueDate: isoDateSchema.optional(),
  })
  .refine((u) => u.title !== undefined || u.ownerId !== undefined || u.dueDate !== undefined, {
    message: 'changes nothing: give a title, an owner or a due date',
  });

export const readinessDoneSchema = z.object({ evidence: evidenceSchema });

export const applyTemplateSchema = z.object({
  /** Only these systems (each must be tier 1 or 2); all tier-1 and tier-2 systems when absent. */
  systemIds: z.array(slugSchema).min(1).max(1000).optional(),
  /** Owner of the new items when a system has no owner account; the caller when absent. */
  ownerId: z.uuid().optional(),
});

export const templateItemSchema = z.object({
  key: z.string(),
  title: z.string(),
  /** Due this many days before the first day of school. */
  daysBefore: z.number().int(),
});
export type TemplateItem = z.infer<typeof templateItemSchema>;

export const readinessItemSchema = z.object({
  id: z.uuid(),
  systemId: z.string(),
  templateKey: z.string().nullable(),
  title: z.string(),
  owner: z.object({ id: z.string(), name: z.string(), email: z.string() }),
  dueDate: z.string(),
  done: z
    .object({
      at: z.string(),
      by: z.string(),
      evidence: z.object({ text: z.string().nullable(), url: z.string().nullable() }),
    })
    .nullable(),
  /** Its due date has passed (in the district's time zone) and it is not done. */
  late: z.boolean(),
});
export type ReadinessItem = z.infer<typeof readinessItemSchema>;

const progressSchema = z.object({
  total: z.number().int(),
  done: z.number().int(),
  late: z.number().int(),
  /** done / total, 0 when there is nothing to do. */
  completion: z.number(),
});

export const readinessYearSchema = z.object({
  id: z.uuid(),
  schoolYear: z.number().int(),
  firstDay: z.string(),
  daysToFirstDay: z.number().int(),
  progress: progressSchema,
});
export type ReadinessYear = z.infer<typeof readinessYearSchema>;

/** Someone who may own an item: an active account whose role can see the board. */
export const readinessOwnerSchema = z.object({ id: z.uuid(), name: z.string(), email: z.string() });
export type ReadinessOwner = z.infer<typeof readinessOwnerSchema>;

export const readinessBoardSchema = readinessYearSchema.extend({
  systems: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      tier: z.number().int(),
      progress: progressSchema,
      items: z.array(readinessItemSchema),
    }),
  ),
  /** Tier-1 and tier-2 systems with no checklist yet for this year. */
  systemsWithoutChecklist: z.array(z.object({ id: z.string(), name: z.string(), tier: z.number().int() })),
});
export type ReadinessBoard = z.infer<typeof readinessBoardSchema>;
