import { z } from 'zod';
import { durationSchema, slugSchema, systemStatusSchema } from './systems';

/** Status of systems, incidents and maintenance windows: the staff views and the public status page. */
export const systemHealthSchema = z.object({
  id: z.string(),
  name: z.string(),
  tier: z.number().int(),
  audience: z.string(),
  publicName: z.object({ en: z.string(), es: z.string() }).nullable(),
  status: systemStatusSchema,
  /** What its own checks say, before its dependencies are taken into account. */
  own: systemStatusSchema,
  /** Root causes it is impacted by through hard dependencies. */
  impactedBy: z.array(z.string()),
  degradedBy: z.array(z.string()),
  since: z.string().nullable(),
});
export type SystemHealth = z.infer<typeof systemHealthSchema>;

const bilingual = (max: number) => z.object({ en: z.string().trim().min(1).max(max), es: z.string().trim().min(1).max(max) });

export const incidentStatuses = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
export const incidentStatusSchema = z.enum(incidentStatuses);
export const incidentImpactSchema = z.enum(['degraded', 'partial_outage', 'major_outage']);

export const incidentCreateSchema = z.object({
  title: bilingual(200),
  impact: incidentImpactSchema.default('major_outage'),
  systemIds: z.array(slugSchema).min(1).max(200),
  message: bilingual(5000),
  /** When the problem began, if before it was reported (for the time to detect). */
  startedAt: z.iso.datetime({ offset: true }).optional(),
});

export const incidentUpdateCreateSchema = z
  .object({
    status: incidentStatusSchema.optional(),
    /** Shown on the status page, in both languages. */
    message: bilingual(5000).optional(),
    /** Staff only: never on the status page. */
    note: z.string().trim().min(1).max(10_000).optional(),
    postmortem: z.string().trim().min(1).max(50_000).optional(),
    systemIds: z.array(slugSchema).min(1).max(200).optional(),
  })
  .refine((u) => u.status || u.message || u.note || u.postmortem || u.systemIds, {
    message: 'says nothing: give a status, a message, a note, a postmortem or systems',
  });

export const incidentUpdateSchema = z.object({
  id: z.uuid(),
  at: z.string(),
  kind: z.enum(['public', 'internal']),
  status: incidentStatusSchema.nullable(),
  message: z.object({ en: z.string(), es: z.string() }).nullable(),
  note: z.string().nullable(),
  author: z.string(),
});

export const incidentSchema = z.object({
  id: z.uuid(),
  title: z.object({ en: z.string(), es: z.string() }),
  status: incidentStatusSchema,
  impact: incidentImpactSchema,
  rootSystemId: z.string().nullable(),
  automatic: z.boolean(),
  systemIds: z.array(z.string()),
  startedAt: z.string(),
  detectedAt: z.string(),
  resolvedAt: z.string().nullable(),
  timeToDetectSeconds: z.number().int(),
  timeToResolveSeconds: z.number().int().nullable(),
  postmortem: z.string().nullable(),
  updates: z.array(incidentUpdateSchema),
});
export type Incident = z.infer<typeof incidentSchema>;

export const incidentsQuerySchema = z.object({
  state: z.enum(['open', 'resolved', 'all']).default('all'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const incidentMonthSchema = z.object({
  month: z.string(),
  incidents: z.number().int(),
  meanTimeToDetectSeconds: z.number().nullable(),
  meanTimeToResolveSeconds: z.number().nullable(),
});

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a local time HH:mm');
const timezoneSchema = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'must be an IANA time zone such as America/Chicago');

export const maintenanceCreateSchema = z
  .object({
    title: bilingual(200),
    systemIds: z.array(slugSchema).min(1).max(200),
    /** Defaults to the district's time zone. */
    timezone: timezoneSchema.optional(),
    startsAt: z.iso.datetime({ offset: true }).optional(),
    endsAt: z.iso.datetime({ offset: true }).optional(),
    weekly: z
      .object({
        /** ISO weekdays: 1 = Monday … 7 = Sunday. */
        weekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7),
        start: hhmm,
        duration: durationSchema(60_000, 24 * 3_600_000),
        from: z.iso.date().optional(),
        until: z.iso.date().optional(),
      })
      .optional(),
  })
  .refine((m) => (m.weekly ? !m.startsAt && !m.endsAt : m.startsAt && m.endsAt && m.endsAt > m.startsAt), {
    message: 'give either startsAt and endsAt (endsAt later), or a weekly rule',
  });

export const maintenanceSchema = z.object({
  id: z.uuid(),
  title: z.object({ en: z.string(), es: z.string() }),
  systemIds: z.array(z.string()),
  timezone: z.string(),
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  weekly: z
    .object({
      weekdays: z.array(z.number().int()),
      start: z.string(),
      durationMinutes: z.number().int(),
      from: z.string().nullable(),
      until: z.string().nullable(),
    })
    .nullable(),
  activeNow: z.boolean(),
  /** The next occurrences (two weeks ahead at most), computed from the rule. */
  next: z.array(z.object({ start: z.string(), end: z.string() })),
});
export type MaintenanceWindow = z.infer<typeof maintenanceSchema>;
