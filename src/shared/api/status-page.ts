import { z } from 'zod';
import { languageSchema, type Language } from '../roles';
import { incidentStatusSchema } from './incidents';
import { systemStatusSchema, type SystemStatus } from './systems';

/** The public status page's data: public names only, no internal notes, in one language. */
export const statusPageQuerySchema = z.object({
  lang: languageSchema.default('en'),
  /** The district's id or sourcedId; optional when the server holds one district. */
  district: z.string().max(100).optional(),
});

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

export const statusPageSchema = z.object({
  district: z.string(),
  lang: languageSchema,
  generatedAt: z.string(),
  overall: systemStatusSchema,
  overallLabel: z.string(),
  systems: z.array(z.object({ name: z.string(), status: systemStatusSchema, statusLabel: z.string(), uptime90d: z.number().nullable() })),
  incidents: z.array(
    z.object({
      title: z.string(),
      status: incidentStatusSchema,
      statusLabel: z.string(),
      startedAt: z.string(),
      resolvedAt: z.string().nullable(),
      systems: z.array(z.string()),
      updates: z.array(z.object({ at: z.string(), status: incidentStatusSchema.nullable(), message: z.string() })),
    }),
  ),
  maintenance: z.array(z.object({ title: z.string(), start: z.string(), end: z.string(), systems: z.array(z.string()) })),
});
export type StatusPage = z.infer<typeof statusPageSchema>;
