/**
 * Issue 5, "Speed": N HTTP checks at 60 s against a local HTTP server, measured in this process
 * (which is the whole DistrictOps server: Fastify app, scheduler, database client or embedded
 * PGlite), then the dashboard's first load. The target server runs in a child process so its
 * CPU is not counted. Usage:
 *
 *   npm run bench -- status-checks [--minutes 5] [--warmup 60] [--checks 1000,10000] [--db pglite,postgres] [--pg-url URL]
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import pg from 'pg';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { openPglite, openPostgres, type Db } from '../src/server/db/client';
import { migrate } from '../src/server/db/migrate';
import { createAccount } from '../src/server/platform/auth/accounts.service';
import { checkSpecSchema } from '../src/shared/api/systems';
import { printTable, reference } from './status-checks.report';

interface Options {
  minutes: number;
  warmupSeconds: number;
  checks: number[];
  engines: ('pglite' | 'postgres')[];
  pgUrl: string;
}

function parseArgs(args: string[]): Options {
  const get = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  return {
    minutes: Number(get('minutes') ?? 5),
    warmupSeconds: Number(get('warmup') ?? 60),
    checks: (get('checks') ?? '1000,10000').split(',').map(Number),
    engines: (get('db') ?? 'pglite,postgres').split(',') as Options['engines'],
    pgUrl: get('pg-url') ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  };
}

/** The checked server: node:http on loopback, in its own process. */
async function startTarget(): Promise<{ url: string; stop(): void }> {
  const code = `const s = require('node:http').createServer((q, r) => r.end('ok')); s.listen(0, '127.0.0.1', () => console.log(s.address().port));`;
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve) => child.stdout.once('data', (d: Buffer) => resolve(Number(d.toString().trim()))));
  return { url: `http://127.0.0.1:${port}/health`, stop: () => child.kill() };
}

async function openScratch(engine: Options['engines'][number], pgUrl: string): Promise<{ db: Db; drop(): Promise<void> }> {
  if (engine === 'pglite') {
    const db = await openPglite(undefined);
    return { db, drop: () => db.close() };
  }
  const name = `dops_bench_${randomBytes(4).toString('hex')}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: pgUrl });
    await c.connect();
    await c.query(sql);
    await c.end();
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(pgUrl);
  url.pathname = `/${name}`;
  const db = await openPostgres(url.toString());
  return {
    db,
    async drop() {
      await db.close();
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/** N systems, one HTTP check each, a tenth of them depending on one of the first ten (a real graph has edges). */
async function seed(db: Db, n: number, url: string): Promise<string> {
  const { rows } = await db.query<{ id: string }>("INSERT INTO districts (name) VALUES ('Bench District') RETURNING id");
  const districtId = rows[0]!.id;
  const ids = Array.from({ length: n }, (_, i) => `sys-${i}`);
  const spec = JSON.stringify(checkSpecSchema.parse({ type: 'http', url, interval: '60s' }));
  await db.query(
    `INSERT INTO systems (district_id, id, name, category, tier, audience, public_name_en, public_name_es)
     SELECT $1, id, 'System ' || id, 'other', 1 + (ord % 3), 'both', 'System ' || id, 'Sistema ' || id FROM unnest($2::text[]) WITH ORDINALITY AS u(id, ord)`,
    [districtId, ids],
  );
  await db.query(
    `INSERT INTO system_dependencies (district_id, system_id, depends_on, kind)
     SELECT $1, id, 'sys-' || (ord % 10), 'hard' FROM unnest($2::text[]) WITH ORDINALITY AS u(id, ord) WHERE ord > 10 AND ord % 10 = 0`,
    [districtId, ids],
  );
  await db.query(
    `INSERT INTO system_checks (district_id, system_id, key, type, interval_ms, spec)
     SELECT $1, id, 'http', 'http', 60000, $3::jsonb FROM unnest($2::text[]) AS u(id)`,
    [districtId, ids, spec],
  );
  await createAccount(db, {
    districtId,
    email: 'bench@example.org',
    displayName: 'Bench',
    password: 'bench password 123',
    personId: null,
    roles: [{ role: 'it_staff', schoolId: null }],
  });
  return districtId;
}

export interface RunResult {
  engine: string;
  checks: number;
  seconds: number;
  cpuPercent: number;
  rssMaxMb: number;
  runs: number;
  latenessP99: number;
  latenessMax: number;
  dashboard?: { status: { ms: number; bytes: number; gzip: number }; systems: { ms: number; bytes: number; gzip: number } };
}

async function runOne(engine: Options['engines'][number], n: number, o: Options, targetUrl: string): Promise<RunResult> {
  const scratch = await openScratch(engine, o.pgUrl);
  const { db } = scratch;
  await migrate(db);
  await seed(db, n, targetUrl);
  const app = await buildApp({ config: loadConfig({ DEMO: '0', LOG_LEVEL: 'silent' }), db, logger: false });
  await app.ready();
  let dashboard: RunResult['dashboard'];
  if (n === 1000) {
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'bench@example.org', password: 'bench password 123' },
    });
    const cookie = `dops_session=${login.cookies.find((c) => c.name === 'dops_session')!.value}`;
    // The first load of each payload after start: what a CIO opening the dashboard waits for.
    const load = async (url: string) => {
      const t0 = performance.now();
      const res = await app.inject({ method: 'GET', url, headers: { cookie } });
      const ms = performance.now() - t0;
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode}`);
      return { ms, bytes: res.rawPayload.length, gzip: gzipSync(res.rawPayload).length };
    };
    dashboard = { status: await load('/api/status'), systems: await load('/api/systems') };
  }
  let rssMax = 0;
  const sampler = setInterval(() => (rssMax = Math.max(rssMax, process.memoryUsage.rss())), 1000);
  await app.systems.start();
  process.stdout.write(`  ${engine}, ${n} checks: warming up ${o.warmupSeconds} s, measuring ${o.minutes} min… `);
  await new Promise((r) => setTimeout(r, o.warmupSeconds * 1000));
  app.systems.scheduler.resetStats();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, o.minutes * 60_000));
  const cpu = process.cpuUsage(cpu0);
  const seconds = (performance.now() - t0) / 1000;
  const stats = app.systems.scheduler.stats();
  clearInterval(sampler);
  await app.close();
  await scratch.drop();
  const cpuPercent = ((cpu.user + cpu.system) / 1e6 / seconds) * 100;
  process.stdout.write(`${cpuPercent.toFixed(1)}% CPU, ${stats.runs} runs\n`);
  return {
    engine,
    checks: n,
    seconds,
    cpuPercent,
    rssMaxMb: rssMax / 1e6,
    runs: stats.runs,
    latenessP99: stats.latenessP99,
    latenessMax: stats.latenessMax,
    dashboard,
  };
}

export async function main(args: string[]): Promise<void> {
  const o = parseArgs(args);
  console.log(`status-checks: ${o.checks.join(' and ')} HTTP checks at 60 s, ${o.minutes} min each, on ${o.engines.join(' and ')}`);
  console.log(
    `reference (issue 5, Uptime Kuma ${reference.version}, 1,000 monitors): ~${reference.cpuPercent}% of one core, ${reference.rssMb.join('–')} MB RSS, ${reference.dashboardKb / 1000} MB dashboard load`,
  );
  const target = await startTarget();
  const results: RunResult[] = [];
  try {
    for (const engine of o.engines) for (const n of o.checks) results.push(await runOne(engine, n, o, target.url));
  } finally {
    target.stop();
  }
  printTable(results);
}
