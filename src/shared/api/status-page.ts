import { z } from 'zod';
import { languageSchema, type Language } from '../roles';
import { incidentImpactSchema, incidentStatusSchema } from './incidents';
import { systemStatusSchema, type SystemStatus } from './systems';

/** The public status page's data: public names only, no internal notes, in one language. */
export const statusPageQuerySchema = z.object({
  lang: languageSchema.default('en'),
  /** The district's id or sourcedId; optional when the server holds one district. */
  district: z.string().max(100).optional(),
});

/** Least to most serious: the page's overall status, and each day's, is the most serious one seen. */
export const statusSeverity: SystemStatus[] = ['operational', 'unknown', 'maintenance', 'degraded', 'partial_outage', 'major_outage'];
export const worstStatus = (statuses: SystemStatus[]): SystemStatus =>
  statuses.reduce<SystemStatus>((w, s) => (statusSeverity.indexOf(s) > statusSeverity.indexOf(w) ? s : w), 'operational');

/** How many days of history the status page shows, today included. */
export const STATUS_PAGE_DAYS = 90;

export const statusLabels: Record<Language, Record<SystemStatus, string>> = {
  en: {
    operational: 'Operational',
    degraded: 'Degraded performance',
    partial_outage: 'Partial outage',
    major_outage: 'Major outage',
    maintenance: 'Maintenance',
    unknown: 'Unknown',
  },
  es: {
    operational: 'Operativo',
    degraded: 'Rendimiento reducido',
    partial_outage: 'Interrupción parcial',
    major_outage: 'Interrupción grave',
    maintenance: 'Mantenimiento',
    unknown: 'Desconocido',
  },
};

export const incidentStatusLabels: Record<Language, Record<z.infer<typeof incidentStatusSchema>, string>> = {
  en: { investigating: 'Investigating', identified: 'Identified', monitoring: 'Monitoring', resolved: 'Resolved' },
  es: { investigating: 'Investigando', identified: 'Identificado', monitoring: 'En observación', resolved: 'Resuelto' },
};

/**
 * One day (a UTC calendar day) of a system's history. `uptime` is the share of successful checks
 * (null when nothing was measured); `status` is the worst the day saw: an incident's impact, else
 * planned maintenance, else what the checks say, else unknown.
 */
export const statusPageDaySchema = z.object({
  date: z.iso.date(),
  uptime: z.number().min(0).max(1).nullable(),
  status: systemStatusSchema,
});
export type StatusPageDay = z.infer<typeof statusPageDaySchema>;

export const statusPageSchema = z.object({
  district: z.string(),
  lang: languageSchema,
  generatedAt: z.string(),
  overall: systemStatusSchema,
  overallLabel: z.string(),
  systems: z.array(
    z.object({
      name: z.string(),
      status: systemStatusSchema,
      statusLabel: z.string(),
      /** Over the same days as `days`. */
      uptime90d: z.number().nullable(),
      /** The last 90 days, oldest first, today last. */
      days: z.array(statusPageDaySchema),
    }),
  ),
  incidents: z.array(
    z.object({
      title: z.string(),
      status: incidentStatusSchema,
      statusLabel: z.string(),
      impact: incidentImpactSchema,
      impactLabel: z.string(),
      startedAt: z.string(),
      resolvedAt: z.string().nullable(),
      systems: z.array(z.string()),
      /** Public updates, oldest first. */
      updates: z.array(
        z.object({ at: z.string(), status: incidentStatusSchema.nullable(), statusLabel: z.string().nullable(), message: z.string() }),
      ),
    }),
  ),
  maintenance: z.array(z.object({ title: z.string(), start: z.string(), end: z.string(), systems: z.array(z.string()) })),
});
export type StatusPage = z.infer<typeof statusPageSchema>;
