/**
 * The scan station's server side against a big district: the demo district at full size (the same
 * generated OneRoster export, roster import and 1:1 fleet that `npm start` seeds), then a June
 * collection and an August reissue of the same devices, one scan at a time as a station does:
 * the badge lookup, then the scan. Timed through the services and through the Fastify app
 * (`inject`, signed in with a session cookie as the scan-station page is). The reference is the
 * smallest round trip each path can make, measured between the scans (so a burst of load on this
 * shared machine falls on both): a SELECT by primary key through the same pool, and
 * GET /api/health (one `SELECT 1`) through the same app.
 */
import { loadConfig } from '../src/server/config';
import { buildApp } from '../src/server/app';
import type { Db } from '../src/server/db/client';
import { findAccountByEmail } from '../src/server/platform/auth/accounts.repository';
import { actorForAccount } from '../src/server/platform/auth/sessions.service';
import { seedDemoDistrict, DEMO_DOMAIN } from '../src/server/modules/demo/seed-demo';
import { authorFromRequest } from '../src/server/modules/devices/device-author';
import { scan } from '../src/server/modules/devices/scan';
import { lookupBadge } from '../src/server/modules/devices/scan-badge';
import type { ScanResult } from '../src/shared/api/device-checkout';

export interface Latency {
  label: string;
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface ScanBenchResult {
  seedSeconds: number;
  students: number;
  devices: number;
  rows: Latency[];
  /** The reference of each path: 'service' or 'http'. */
  reference: Record<'service' | 'http', Latency>;
}

function latency(label: string, ms: number[]): Latency {
  const sorted = ms.slice().sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { label, n: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted[sorted.length - 1]! };
}

async function timed<T>(out: number[], fn: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const value = await fn();
  out.push(performance.now() - started);
  return value;
}

interface Pair {
  tag: string;
  badge: string;
}

/** Devices checked out to active students with no hold, each with the badge (student number) of its holder. */
async function pickPairs(db: Db, districtId: string, n: number): Promise<Pair[]> {
  const { rows } = await db.query<Pair>(
    `SELECT d.asset_tag AS tag, p.identifier AS badge
       FROM devices d
       JOIN device_assignments a ON a.device_id = d.id AND a.checked_in_at IS NULL
       JOIN people p ON p.id = a.person_id
      WHERE d.district_id = $1 AND d.status = 'assigned' AND a.assignee_type = 'student' AND p.status = 'active'
        AND d.asset_tag IS NOT NULL AND p.identifier IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM device_holds h WHERE h.person_id = p.id AND h.released_at IS NULL)
      ORDER BY md5(d.id::text) LIMIT $2`,
    [districtId, n],
  );
  if (rows.length < n) throw new Error(`only ${rows.length} checked-out devices to scan, ${n} wanted`);
  return rows;
}

type Step = (p: Pair, mode: 'checkin' | 'checkout') => Promise<{ badge: unknown; scan: ScanResult }>;

/** Collects every pair (badge, then tag), then hands each back; returns the latencies per kind. */
async function station(
  pairs: Pair[],
  step: Step,
  times: Record<'badge' | 'checkin' | 'checkout', number[]>,
  reference: () => Promise<void>,
) {
  for (const mode of ['checkin', 'checkout'] as const) {
    for (const p of pairs) {
      const started = performance.now();
      const r = await step(p, mode);
      times[mode].push(performance.now() - started);
      const want = mode === 'checkin' ? 'checked_in' : 'checked_out';
      if (r.scan.result !== want) throw new Error(`${mode} of ${p.tag} for ${p.badge}: ${r.scan.result} ${r.scan.message}`);
      await reference();
    }
  }
}

export async function runScanBench(db: Db, o: { students: number; scans: number; seed: number }): Promise<ScanBenchResult> {
  const seedStarted = performance.now();
  const demo = await seedDemoDistrict(db, { students: o.students, seed: o.seed });
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  await db.exec('ANALYZE');
  const { districtId } = demo;
  const devices = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM devices WHERE district_id = $1', [districtId])).rows[0]!.n;
  const warmup = 20;
  const pairs = await pickPairs(db, districtId, 2 * (o.scans + warmup));
  const servicePairs = pairs.slice(0, o.scans + warmup);
  const httpPairs = pairs.slice(o.scans + warmup);

  const ids = (await db.query<{ id: string }>('SELECT id FROM devices WHERE district_id = $1 LIMIT 1000', [districtId])).rows;
  const pk: number[] = [];
  const email = `it@${DEMO_DOMAIN}`;
  const account = (await findAccountByEmail(db, email))!;
  const ctx = { actor: await actorForAccount(db, account, null), ip: '127.0.0.1', userAgent: 'bench', requestId: 'bench' };
  const author = authorFromRequest(ctx);

  // The service path: what a route handler calls, with no HTTP around it.
  const svc = { badge: [] as number[], checkin: [] as number[], checkout: [] as number[], scanOnly: [] as number[] };
  const serviceStep: Step = async (p, mode) => ({
    badge: await timed(svc.badge, () => lookupBadge(db, ctx, p.badge)),
    scan: await timed(svc.scanOnly, () => scan(db, author, { mode, studentId: p.badge, tag: p.tag })),
  });
  const pkRef = async () => {
    await timed(pk, () => db.query('SELECT * FROM devices WHERE id = $1', [ids[pk.length % ids.length]!.id]));
  };
  const svcWarm = { badge: [], checkin: [], checkout: [] };
  await station(servicePairs.slice(0, warmup), serviceStep, svcWarm, pkRef);
  svc.badge.length = 0;
  svc.scanOnly.length = 0;
  pk.length = 0;
  await station(servicePairs.slice(warmup), serviceStep, svc, pkRef);

  // The HTTP path: the scan-station page's requests, signed in as the IT technician.
  const app = await buildApp({ config: loadConfig({ LOG_LEVEL: 'silent', DEMO: '0' }), db, logger: false });
  await app.ready();
  try {
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: demo.password } });
    if (login.statusCode !== 200) throw new Error(`sign-in failed: ${login.statusCode} ${login.body}`);
    const cookie = `dops_session=${login.cookies.find((c) => c.name === 'dops_session')!.value}`;
    const headers = { cookie, 'x-csrf-token': login.json<{ me: { csrfToken: string } }>().me.csrfToken };
    const http = { badge: [] as number[], checkin: [] as number[], checkout: [] as number[], scanOnly: [] as number[] };
    const health: number[] = [];
    const httpStep: Step = async (p, mode) => {
      const badge = await timed(http.badge, () =>
        app.inject({ method: 'GET', url: '/api/devices/scan/badge', query: { id: p.badge }, headers }),
      );
      const res = await timed(http.scanOnly, () =>
        app.inject({ method: 'POST', url: '/api/devices/scan', payload: { mode, studentId: p.badge, tag: p.tag }, headers }),
      );
      if (badge.statusCode !== 200 || res.statusCode !== 200) throw new Error(`HTTP ${badge.statusCode}/${res.statusCode}: ${res.body}`);
      return { badge: badge.json(), scan: res.json<ScanResult>() };
    };
    const healthRef = async () => {
      await timed(health, () => app.inject({ method: 'GET', url: '/api/health', headers }));
    };
    await station(httpPairs.slice(0, warmup), httpStep, { badge: [], checkin: [], checkout: [] }, healthRef);
    http.badge.length = 0;
    http.scanOnly.length = 0;
    health.length = 0;
    await station(httpPairs.slice(warmup), httpStep, http, healthRef);

    // A station's scan in `checkin`/`checkout` includes its badge lookup: the whole step at the table.
    return {
      seedSeconds,
      students: o.students,
      devices,
      rows: [
        latency('service: badge lookup (lookupBadge)', svc.badge),
        latency('service: scan (scan())', svc.scanOnly),
        latency('service: badge + check-in scan', svc.checkin),
        latency('service: badge + check-out scan', svc.checkout),
        latency('HTTP: GET /api/devices/scan/badge', http.badge),
        latency('HTTP: POST /api/devices/scan', http.scanOnly),
        latency('HTTP: badge + check-in scan', http.checkin),
        latency('HTTP: badge + check-out scan', http.checkout),
      ],
      reference: {
        service: latency('reference: SELECT by primary key', pk),
        http: latency('reference: GET /api/health (SELECT 1)', health),
      },
    };
  } finally {
    await app.close();
  }
}
