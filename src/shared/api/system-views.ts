import { z } from 'zod';
import {
  SystemStatus,
  audienceSchema,
  checkStates,
  dependencyKinds,
  systemCategorySchema,
  systemSpecSchema,
  systemStatusSchema,
} from './systems';

/**
 * Systems & status as the API answers: a system with its checks and owner, the board's rows with
 * their uptime, a system's page, and how the board and the home tile count statuses. What people
 * write (the catalog, checks, the YAML file) is in systems.ts.
 */
export const dependencyViewSchema = z.object({ id: z.string(), name: z.string(), kind: z.enum(dependencyKinds) });

export const checkViewSchema = z.object({
  id: z.uuid(),
  key: z.string(),
  type: z.enum(['http', 'tcp', 'dns', 'tls', 'heartbeat']),
  intervalMs: z.number().int(),
  state: z.enum(checkStates),
  lastCheckedAt: z.string().nullable(),
  lastLatencyMs: z.number().int().nullable(),
  lastMessage: z.string().nullable(),
  spec: z.record(z.string(), z.unknown()),
});

/** Who owns a system, by name: an account (with its email) or a rostered person. */
export const systemOwnerSchema = z.object({
  id: z.uuid(),
  kind: z.enum(['account', 'person']),
  name: z.string(),
  email: z.string().nullable(),
});
export type SystemOwner = z.infer<typeof systemOwnerSchema>;

export const systemViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  category: systemCategorySchema,
  ownerId: z.uuid().nullable(),
  /** The owner's name; null when there is none (or it no longer exists). */
  owner: systemOwnerSchema.nullable(),
  vendor: z.string().nullable(),
  tier: z.number().int(),
  hosting: z.enum(['cloud', 'on-premises']).nullable(),
  description: z.string().nullable(),
  runbookUrl: z.string().nullable(),
  publicName: z.object({ en: z.string(), es: z.string() }).nullable(),
  audience: audienceSchema,
  dependsOn: z.array(dependencyViewSchema),
  neededBy: z.array(dependencyViewSchema),
  checks: z.array(checkViewSchema),
  updatedAt: z.string(),
});
export type SystemView = z.infer<typeof systemViewSchema>;

export const systemUpdateSchema = systemSpecSchema.omit({ id: true });

export const importResultSchema = z.object({
  created: z.array(z.string()),
  updated: z.array(z.string()),
  unchanged: z.array(z.string()),
  deleted: z.array(z.string()),
  notificationsReplaced: z.boolean(),
  /** Secret heartbeat URLs of heartbeat checks created by this import: shown only now. */
  heartbeats: z.array(z.object({ systemId: z.string(), check: z.string(), path: z.string() })),
});
export type ImportResult = z.infer<typeof importResultSchema>;

/** Share of successful check results (0..1) over 24 hours, 30 and 90 days; null when nothing was measured. */
export const uptimeSchema = z.object({ day: z.number().nullable(), month: z.number().nullable(), quarter: z.number().nullable() });
export type UptimeView = z.infer<typeof uptimeSchema>;

/**
 * One row of the status board (GET /api/status): the live status through the dependency graph
 * and what the board shows beside it. Kept small on purpose: the board loads every system at
 * once (a thousand in a large district), so nothing here is per-check or free text.
 */
export const boardSystemSchema = z.object({
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
  category: systemCategorySchema,
  ownerName: z.string().nullable(),
  /** 24-hour and 30-day uptime (0..1, null when nothing was measured). */
  uptime: z.object({ day: z.number().nullable(), month: z.number().nullable() }),
  dependsOn: z.array(z.object({ id: z.string(), kind: z.enum(dependencyKinds) })),
});
export type BoardSystem = z.infer<typeof boardSystemSchema>;

export const recentIncidentSchema = z.object({
  id: z.uuid(),
  title: z.object({ en: z.string(), es: z.string() }),
  status: z.enum(['investigating', 'identified', 'monitoring', 'resolved']),
  impact: z.enum(['degraded', 'partial_outage', 'major_outage']),
  startedAt: z.string(),
  resolvedAt: z.string().nullable(),
});

/** GET /api/systems/:id: the catalog entry with its uptime and the incidents that touched it lately. */
export const systemDetailSchema = systemViewSchema.extend({
  uptime: uptimeSchema,
  recentIncidents: z.array(recentIncidentSchema),
});
export type SystemDetail = z.infer<typeof systemDetailSchema>;

/**
 * How the board and the home tile count systems: down (a root cause: its own checks fail),
 * impacted (out because a hard dependency is), degraded, maintenance, unknown (no checks yet) and
 * operational. Shared so the tile's counts and the board's filters always agree.
 */
export const statusGroups = ['down', 'impacted', 'degraded', 'maintenance', 'unknown', 'operational'] as const;
export const statusGroupSchema = z.enum(statusGroups);
export type StatusGroup = z.infer<typeof statusGroupSchema>;

export function statusGroup(s: { status: SystemStatus; impactedBy: readonly string[] }): StatusGroup {
  switch (s.status) {
    case 'major_outage':
    case 'partial_outage':
      return s.impactedBy.length > 0 ? 'impacted' : 'down';
    case 'degraded':
      return 'degraded';
    case 'maintenance':
      return 'maintenance';
    case 'unknown':
      return 'unknown';
    case 'operational':
      return 'operational';
  }
}

export const statusSummarySchema = z.object({
  total: z.number().int(),
  counts: z.object(Object.fromEntries(statusGroups.map((g) => [g, z.number().int()])) as Record<StatusGroup, z.ZodNumber>),
});
export type StatusSummary = z.infer<typeof statusSummarySchema>;

export function summarizeStatuses(systems: readonly { status: SystemStatus; impactedBy: readonly string[] }[]): StatusSummary {
  const counts = Object.fromEntries(statusGroups.map((g) => [g, 0])) as Record<StatusGroup, number>;
  for (const s of systems) counts[statusGroup(s)] += 1;
  return { total: systems.length, counts };
}
