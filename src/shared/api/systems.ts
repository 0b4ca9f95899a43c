import { z } from 'zod';
import { limits } from '../limits';

/**
 * Systems & status: the shapes of the catalog as the API and the YAML file write it. Inputs
 * accept the friendly forms people type ("60s", "200-299", `dependsOn: [sso]`) and normalise
 * them (durations in milliseconds), so the server stores one canonical form.
 */
export const systemCategories = [
  'sis',
  'lms',
  'identity',
  'email',
  'internet',
  'wifi',
  'phones',
  'transportation',
  'payroll',
  'hr',
  'finance',
  'communications',
  'state-reporting',
  'website',
  'security',
  'other',
] as const;
export const systemCategorySchema = z.enum(systemCategories);

export const audiences = ['staff', 'families', 'both', 'hidden'] as const;
export const audienceSchema = z.enum(audiences);
export type Audience = z.infer<typeof audienceSchema>;

export const systemStatuses = ['operational', 'degraded', 'partial_outage', 'major_outage', 'maintenance', 'unknown'] as const;
export const systemStatusSchema = z.enum(systemStatuses);
export type SystemStatus = z.infer<typeof systemStatusSchema>;

export const checkStates = ['up', 'degraded', 'down', 'unknown'] as const;
export type CheckState = (typeof checkStates)[number];

export const slugSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, 'must be a slug: lower-case letters, digits, "-" or "_", at most 63 characters');

const durationUnits: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** "250ms", "10s", "5m", "1h", "1d", or a number of seconds. */
export function parseDuration(value: string | number): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? Math.round(value * 1000) : undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)\s*$/.exec(value);
  if (!m) return undefined;
  return Math.round(Number(m[1]) * durationUnits[m[2]!]!);
}

/** The shortest exact spelling of a duration, so an exported file reads as a person would write it. */
export function formatDuration(ms: number): string {
  for (const [unit, size] of [
    ['d', 86_400_000],
    ['h', 3_600_000],
    ['m', 60_000],
    ['s', 1000],
  ] as const) {
    if (ms > 0 && ms % size === 0) return `${ms / size}${unit}`;
  }
  return `${ms}ms`;
}

export const durationSchema = (min: number, max: number) =>
  z.union([z.string(), z.number()]).transform((v, ctx) => {
    const ms = parseDuration(v);
    if (ms === undefined) {
      ctx.addIssue({ code: 'custom', message: 'must be a duration such as 500ms, 30s, 5m or 1h' });
      return z.NEVER;
    }
    if (ms < min || ms > max) {
      ctx.addIssue({ code: 'custom', message: `must be between ${formatDuration(min)} and ${formatDuration(max)}` });
      return z.NEVER;
    }
    return ms;
  });

/** "200-299", "200", 204, or a comma list "200,204,301-302", normalised to "200-299". */
export const statusRangeSchema = z.union([z.string(), z.number()]).transform((v, ctx) => {
  const parts = String(v)
    .split(',')
    .map((p) => p.trim());
  const ok = parts.every((p) => {
    const m = /^(\d{3})(?:-(\d{3}))?$/.exec(p);
    return m !== null && (!m[2] || Number(m[2]) >= Number(m[1]));
  });
  if (!ok || parts.length === 0) {
    ctx.addIssue({ code: 'custom', message: 'must be a status code or range such as 200-299 or 200,204' });
    return z.NEVER;
  }
  return parts.join(',');
});

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const checkCommon = {
  /** Names the check within its system; defaults to its type (http, http-2, …). */
  name: slugSchema.optional(),
  interval: durationSchema(10_000, DAY).default(60_000),
  timeout: durationSchema(100, 120_000).optional(),
  /** Failed attempts retried (sooner than the interval) before the check is called down. */
  retries: z.number().int().min(0).max(10).default(1),
};

const hostSchema = z.string().trim().min(1).max(253);

export const httpCheckSchema = z.object({
  type: z.literal('http'),
  ...checkCommon,
  url: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }),
  method: z.enum(['GET', 'HEAD', 'POST', 'PUT', 'OPTIONS']).default('GET'),
  headers: z.record(z.string(), z.string()).optional(),
  body: z.string().max(10_000).optional(),
  /** false accepts self-signed certificates (a device's admin page); expiry is the tls check's job. */
  verifyTls: z.boolean().default(true),
  expect: z
    .object({
      status: statusRangeSchema.default('200-299'),
      bodyContains: z.string().min(1).max(1000).optional(),
      json: z.object({ path: z.string().min(1).max(200), equals: z.union([z.string(), z.number(), z.boolean(), z.null()]) }).optional(),
      /** Slower than this is "degraded", not down: the service answers, just slowly. */
      maxLatency: durationSchema(1, 120_000).optional(),
    })
    .default({ status: '200-299' }),
});

export const tcpCheckSchema = z.object({
  type: z.literal('tcp'),
  ...checkCommon,
  host: hostSchema,
  port: z.number().int().min(1).max(65535),
});

export const dnsRecordTypes = ['A', 'AAAA', 'CNAME', 'MX', 'TXT', 'NS'] as const;
export const dnsCheckSchema = z.object({
  type: z.literal('dns'),
  ...checkCommon,
  host: hostSchema,
  record: z.enum(dnsRecordTypes).default('A'),
  /** One of the answers must equal this (for MX: the exchange host). */
  expect: z.string().min(1).max(500).optional(),
  /** Ask this server ("ip" or "ip:port") instead of the system resolver. */
  resolver: z.string().min(1).max(100).optional(),
});

export const tlsCheckSchema = z.object({
  type: z.literal('tls'),
  ...checkCommon,
  host: hostSchema,
  port: z.number().int().min(1).max(65535).default(443),
  servername: z.string().max(253).optional(),
  warnDays: z.number().int().min(1).max(365).default(14),
  /** false: only the expiry is judged (an internal CA the server does not know). */
  verify: z.boolean().default(true),
});

export const heartbeatCheckSchema = z.object({
  type: z.literal('heartbeat'),
  ...checkCommon,
  /** How long after the expected beat the check waits before it calls the beat missed. */
  grace: durationSchema(0, 7 * DAY).optional(),
});

export const checkSpecSchema = z.discriminatedUnion('type', [
  httpCheckSchema,
  tcpCheckSchema,
  dnsCheckSchema,
  tlsCheckSchema,
  heartbeatCheckSchema,
]);
export type CheckSpec = z.infer<typeof checkSpecSchema>;
export type CheckSpecInput = z.input<typeof checkSpecSchema>;
export type CheckType = CheckSpec['type'];

export const dependencyKinds = ['hard', 'soft'] as const;
export const dependencyRefSchema = z
  .union([slugSchema, z.object({ id: slugSchema, kind: z.enum(dependencyKinds).default('hard') })])
  .transform((v) => (typeof v === 'string' ? { id: v, kind: 'hard' as const } : v));

export const systemSpecSchema = z.object({
  id: slugSchema,
  name: z.string().trim().min(1).max(limits.nameMax),
  category: systemCategorySchema.default('other'),
  /** An account id, a rostered person id, or an account's email (stored as the account id). */
  owner: z.string().trim().min(1).max(limits.emailMax).optional(),
  vendor: z.string().trim().min(1).max(limits.nameMax).optional(),
  tier: z.union([z.literal(1), z.literal(2), z.literal(3)], { error: 'must be 1, 2 or 3' }).default(3),
  hosting: z.enum(['cloud', 'on-premises']).optional(),
  description: z.string().trim().min(1).max(5000).optional(),
  runbook: z.url({ protocol: /^https?$/ }).optional(),
  public: z.object({ en: z.string().trim().min(1).max(limits.nameMax), es: z.string().trim().min(1).max(limits.nameMax) }).optional(),
  audience: audienceSchema.default('staff'),
  dependsOn: z.array(dependencyRefSchema).max(100).default([]),
  checks: z.array(checkSpecSchema).max(50).default([]),
});
export type SystemSpec = z.infer<typeof systemSpecSchema>;
export type SystemSpecInput = z.input<typeof systemSpecSchema>;

export const webhookFormats = ['generic', 'teams', 'slack', 'google-chat'] as const;
export const channelSpecSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('webhook'),
    url: z.url({ protocol: /^https?$/ }),
    format: z.enum(webhookFormats).default('generic'),
    remindEvery: durationSchema(15 * 60_000, 7 * DAY).optional(),
  }),
  z.object({
    type: z.literal('email'),
    to: z.array(z.email()).min(1).max(50),
    remindEvery: durationSchema(15 * 60_000, 7 * DAY).optional(),
  }),
]);
export type ChannelSpec = z.infer<typeof channelSpecSchema>;

/** The config-as-code file. `notifications`, when present, replaces the district's channels. */
export const systemsFileSchema = z.object({
  systems: z.array(systemSpecSchema).max(5000).default([]),
  notifications: z.array(channelSpecSchema).max(100).optional(),
});
export type SystemsFile = z.infer<typeof systemsFileSchema>;
