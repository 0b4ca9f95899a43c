import { z } from 'zod';
import { durationSchema, slugSchema } from './systems';

// Incidents and maintenance windows as the staff views and the API see them (the status page has its own, in status-page.ts).

const bilingual = (max: number) => z.object({ en: z.string().trim().min(1).max(max), es: z.string().trim().min(1).max(max) });

export const incidentStatuses = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
export const incidentStatusSchema = z.enum(incidentStatuses);
export type IncidentStatus = z.infer<typeof incidentStatusSchema>;
export const incidentImpacts = ['degraded', 'partial_outage', 'major_outage'] as const;
export const incidentImpactSchema = z.enum(incidentImpacts);

/** An incident only moves forward (investigating → identified → monitoring → resolved, steps may be skipped); resolved is final. */
export function nextIncidentStatuses(current: IncidentStatus): IncidentStatus[] {
  return incidentStatuses.slice(incidentStatuses.indexOf(current) + 1);
}

export const incidentCreateSchema = z.object({
  title: bilingual(200),
  impact: incidentImpactSchema.default('major_outage'),
  systemIds: z.array(slugSchema).min(1).max(200),
  /** Opened by hand, an incident may start further along (the cause is already known). */
  status: incidentStatusSchema.exclude(['resolved']).default('investigating'),
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
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const incidentListSchema = z.object({ items: z.array(incidentSchema), total: z.number().int() });

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

/** A window is one-off (startsAt, endsAt) or weekly (local start time and duration on some weekdays, in its time zone). */
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
  .superRefine((m, ctx) => {
    if (m.weekly) {
      if (m.startsAt || m.endsAt) ctx.addIssue({ code: 'custom', message: 'give either startsAt and endsAt, or a weekly rule, not both' });
      if (m.weekly.from && m.weekly.until && m.weekly.until < m.weekly.from)
        ctx.addIssue({ code: 'custom', path: ['weekly', 'until'], message: 'must not be before weekly.from' });
      return;
    }
    if (!m.startsAt) ctx.addIssue({ code: 'custom', path: ['startsAt'], message: 'give startsAt and endsAt, or a weekly rule' });
    if (!m.endsAt) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'give startsAt and endsAt, or a weekly rule' });
    else if (m.startsAt && Date.parse(m.endsAt) <= Date.parse(m.startsAt))
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'must be later than startsAt' });
  });
export type MaintenanceInput = z.input<typeof maintenanceCreateSchema>;

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

export const maintenanceListSchema = z.object({
  items: z.array(maintenanceSchema),
  /** The district's time zone: a window created without one uses it. */
  timezone: z.string(),
});
