import path from 'node:path';
import { z } from 'zod';
import { oidcProviderIds, type OidcProviderId } from '../shared/api/auth';

const flag = z.enum(['0', '1', 'true', 'false', 'yes', 'no']).transform((v) => v === '1' || v === 'true' || v === 'yes');

export type { OidcProviderId };

const defaultIssuers: Record<OidcProviderId, string | undefined> = {
  google: 'https://accounts.google.com',
  microsoft: undefined, // tenant-specific: https://login.microsoftonline.com/<tenant>/v2.0
  classlink: 'https://launchpad.classlink.com',
};

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DEMO: flag.default(true),
  DEMO_STUDENTS: z.coerce.number().int().min(10).max(200_000).default(5000),
  PUBLIC_URL: z.url().optional(),
  TRUST_PROXY: flag.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(12),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCKOUT_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(20),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().default('DistrictOps <no-reply@districtops.local>'),
});

export interface OidcProviderConfig {
  id: OidcProviderId;
  issuer: string;
  clientId: string;
  clientSecret: string;
}

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  demo: boolean;
  demoStudents: number;
  publicUrl: string | undefined;
  trustProxy: boolean;
  logLevel: string;
  sessionTtlHours: number;
  loginMaxFailures: number;
  loginLockoutMinutes: number;
  loginRatePerMinute: number;
  smtpUrl: string | undefined;
  mailFrom: string;
  oidc: OidcProviderConfig[];
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Reads and validates the environment; throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  const url = z.url();
  const oidc: OidcProviderConfig[] = [];
  for (const id of oidcProviderIds) {
    const p = `OIDC_${id.toUpperCase()}`;
    const clientId = cleaned[`${p}_CLIENT_ID`];
    const clientSecret = cleaned[`${p}_CLIENT_SECRET`];
    const issuer = cleaned[`${p}_ISSUER`] ?? defaultIssuers[id];
    if (issuer && !url.safeParse(issuer).success) {
      problems.push(`${p}_ISSUER: must be a URL`);
      continue;
    }
    if (!clientId && !clientSecret) continue;
    if (!clientId || !clientSecret) {
      problems.push(`${p}_CLIENT_ID and ${p}_CLIENT_SECRET must be set together`);
      continue;
    }
    if (!issuer) {
      problems.push(`${p}_ISSUER is required (for Microsoft: https://login.microsoftonline.com/<tenant>/v2.0)`);
      continue;
    }
    oidc.push({ id, issuer, clientId, clientSecret });
  }
  if (oidc.length > 0 && !e.PUBLIC_URL) {
    problems.push('PUBLIC_URL is required when an OIDC provider is configured (it forms the redirect URI)');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    demo: e.DEMO,
    demoStudents: e.DEMO_STUDENTS,
    publicUrl: e.PUBLIC_URL?.replace(/\/$/, ''),
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginLockoutMinutes: e.LOGIN_LOCKOUT_MINUTES,
    loginRatePerMinute: e.LOGIN_RATE_PER_MINUTE,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    oidc,
  };
}

/** This server's own address as a local process reaches it (a wildcard listen address becomes loopback). */
export function localUrl(config: Pick<Config, 'host' | 'port'>): string {
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  return `http://${host.includes(':') ? `[${host}]` : host}:${config.port}`;
}
