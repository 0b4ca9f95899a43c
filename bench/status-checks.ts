/**
 * Issue 5, "Speed": N HTTP checks at 60 s against a local HTTP server. The DistrictOps server
 * runs as `npm start` runs it (compiled to dist/server, `serve`, its own process, embedded PGlite
 * or PostgreSQL) and only that process is measured: CPU and RSS from /proc, lateness from its /metrics histogram,
 * and the dashboard's first load in chromium (bench/status-checks.browser.ts). The checked server is
 * another process. Usage:
 *
 *   npm run bench -- status-checks [--minutes 5] [--warmup 60] [--checks 1000,10000] [--db pglite,postgres] [--pg-url URL] [--loads 5]
 *
 * --loads: how many first loads of the dashboard, each in a fresh browser, after the window (the median is reported).
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import pg from 'pg';
import { openDb, openPostgres, type Db } from '../src/server/db/client';
import { migrate } from '../src/server/db/migrate';
import { createAccount } from '../src/server/platform/auth/accounts.service';
import { checkSpecSchema } from '../src/shared/api/systems';
import { reservePort } from '../test/helpers/port';
import { waitForHealth } from '../test/helpers/server-process';
import { coldLoads, loadBoardInBrowser, type BrowserLoad } from './status-checks.browser';
import { printTable, reference } from './status-checks.report';

interface Options {
  minutes: number;
  warmupSeconds: number;
  checks: number[];
  engines: ('pglite' | 'postgres')[];
  pgUrl: string;
  loads: number;
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
    loads: Math.max(1, Number(get('loads') ?? 5)),
  };
}

/** The checked server: node:http on loopback, in its own process. */
async function startTarget(): Promise<{ url: string; stop(): void }> {
  const code = `const s = require('node:http').createServer((q, r) => r.end('ok')); s.listen(0, '127.0.0.1', () => console.log(s.address().port));`;
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve) => child.stdout.once('data', (d: Buffer) => resolve(Number(d.toString().trim()))));
  return { url: `http://127.0.0.1:${port}/health`, stop: () => child.kill() };
}

interface Scratch {
  db: Db;
  /** PostgreSQL: the scratch database's URL. */
  url?: string;
  /** PGlite: the scratch data directory. */
  dataDir?: string;
  drop(): Promise<void>;
}

async function openScratch(engine: Options['engines'][number], pgUrl: string): Promise<Scratch> {
  if (engine === 'pglite') {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dops-bench-'));
    // Opened the way the server opens DATA_DIR (its pgdata inside), so the server finds the seed.
    const db = await openDb({ dataDir });
    return { db, dataDir, drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
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
    url: url.toString(),
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

/** What bin/districtops.js runs when the build is current (see main()). */
const serverEntry = 'dist/server/entry.js';

/** The node options `npm start` gives the server (package.json's start script), so the bench runs it as users do. */
function startNodeOptions(): string[] {
  const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { scripts: { start: string } };
  const words = pkg.scripts.start.split(/\s+/);
  return words.slice(words.indexOf('node') + 1, words.indexOf('bin/districtops.js')).filter((w) => w.startsWith('--'));
}

export interface RunResult {
  engine: string;
  checks: number;
  seconds: number;
  cpuPercent: number;
  rssMaxMb: number;
  runs: number;
  /** Upper bound of the histogram bucket that holds the 99th percentile (ms). */
  latenessP99: number;
  /** The board's data: GET /api/status, the one API call the /systems page makes. */
  dashboard?: Load;
  /** The board's first load in a browser right after the server started (its code not yet warm). */
  firstBrowser?: BrowserLoad | string;
  /** The whole page in a browser with a cold cache (after the measured window), or why it could not be measured. */
  browser?: BrowserLoad | string;
}

interface Load {
  ms: number;
  /** On the wire (gzip when the server compresses), and once decompressed. */
  bytes: number;
  raw: number;
}

/** GET with the browser's Accept-Encoding, timing the whole body as it arrives. */
function get(url: string, cookie: string): Promise<Load & { body: string }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = http.get(url, { headers: { cookie, 'accept-encoding': 'gzip' }, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const ms = performance.now() - t0;
        if (res.statusCode !== 200) return reject(new Error(`${url}: HTTP ${res.statusCode}`));
        const wire = Buffer.concat(chunks);
        const body = res.headers['content-encoding'] === 'gzip' ? gunzipSync(wire) : wire;
        resolve({ ms, bytes: wire.length, raw: body.length, body: body.toString('utf8') });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

/** utime + stime of a process, in seconds (Linux /proc). */
function cpuSeconds(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // USER_HZ is 100 on Linux
}
const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

/** Runs seen and the bucket holding the 99th percentile, between two scrapes of /metrics. */
function latenessBetween(before: string, after: string): { runs: number; p99: number } {
  const buckets = (text: string) =>
    new Map(
      [...text.matchAll(/^districtops_scheduler_lateness_seconds_bucket\{le="([^"]+)"\} (\d+)$/gm)].map((m) => [m[1]!, Number(m[2])]),
    );
  const a = buckets(before);
  const b = buckets(after);
  const runs = (b.get('+Inf') ?? 0) - (a.get('+Inf') ?? 0);
  for (const [le, count] of b) {
    if (count - (a.get(le) ?? 0) >= runs * 0.99) return { runs, p99: le === '+Inf' ? Infinity : Number(le) * 1000 };
  }
  return { runs, p99: Infinity };
}

/**
 * One run: seed a scratch database, start the server as users do (`districtops serve`, its own
 * process), load the dashboard once, warm up, then measure the server process alone.
 */
async function runOne(engine: Options['engines'][number], n: number, o: Options, targetUrl: string): Promise<RunResult> {
  const scratch = await openScratch(engine, o.pgUrl);
  await migrate(scratch.db);
  await seed(scratch.db, n, targetUrl);
  // PGlite: one process per data directory, so the bench lets go before the server opens it.
  if (engine === 'pglite') await scratch.db.close();
  const port = await reservePort();
  const base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DEMO: '0',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    PORT: String(port),
    NODE_ENV: 'production',
  };
  if (engine === 'pglite') {
    delete env.DATABASE_URL;
    env.DATA_DIR = scratch.dataDir!;
  } else env.DATABASE_URL = scratch.url!;
  // BENCH_NODE_ARGS: extra flags for the server's node, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const server = spawn(process.execPath, [...startNodeOptions(), ...nodeArgs, serverEntry, 'serve'], {
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  try {
    await waitForHealth(base, server);
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'bench@example.org', password: 'bench password 123' }),
    });
    const cookie = /dops_session=[^;]+/.exec(login.headers.get('set-cookie') ?? '')?.[0];
    if (!cookie) throw new Error(`sign-in failed: HTTP ${login.status}`);
    // The first answer after start: the API call alone (the server's part, its code not yet warm).
    const dashboard = n <= 1000 ? await get(`${base}/api/status`, cookie) : undefined;
    // The first time anyone opens the board after the server started, measured apart (the server's
    // code for it is not yet warm). Before the window, whose memory then includes what serving the
    // board holds, as a server's does once someone has opened it.
    const firstBrowser = n <= 1000 ? await loadBoardInBrowser(base, cookie, /^System sys-/) : undefined;

    const pid = server.pid!;
    let rssMax = 0;
    const sampler = setInterval(() => (rssMax = Math.max(rssMax, rssMb(pid))), 1000);
    process.stdout.write(`  ${engine}, ${n} checks: warming up ${o.warmupSeconds} s, measuring ${o.minutes} min… `);
    await new Promise((r) => setTimeout(r, o.warmupSeconds * 1000));
    const before = (await get(`${base}/metrics`, cookie)).body;
    rssMax = 0;
    const cpu0 = cpuSeconds(pid);
    const t0 = performance.now();
    await new Promise((r) => setTimeout(r, o.minutes * 60_000));
    const cpu = cpuSeconds(pid) - cpu0;
    const seconds = (performance.now() - t0) / 1000;
    const after = (await get(`${base}/metrics`, cookie)).body;
    clearInterval(sampler);
    const lateness = latenessBetween(before, after);
    // A CIO opening the dashboard for the first time, in a browser with nothing cached, while the
    // server runs its checks (someone else opened it earlier): the whole page, as they see it. After
    // the CPU and memory window, which it would skew (a page load is not the steady state those figures are about).
    const browser = n <= 1000 ? await coldLoads(base, cookie, /^System sys-/, o.loads) : undefined;
    const cpuPercent = (cpu / seconds) * 100;
    process.stdout.write(`${cpuPercent.toFixed(1)}% CPU, ${lateness.runs} runs\n`);
    return {
      engine,
      checks: n,
      seconds,
      cpuPercent,
      rssMaxMb: rssMax,
      runs: lateness.runs,
      latenessP99: lateness.p99,
      dashboard,
      firstBrowser,
      browser,
    };
  } finally {
    server.kill('SIGTERM');
    await exited;
    await scratch.drop();
  }
}

export async function main(args: string[]): Promise<void> {
  const o = parseArgs(args);
  console.log(`status-checks: ${o.checks.join(' and ')} HTTP checks at 60 s, ${o.minutes} min each, on ${o.engines.join(' and ')}`);
  console.log(
    `reference (issue 5, Uptime Kuma ${reference.version}, 1,000 monitors): ~${reference.cpuPercent}% of one core, ${reference.rssMb.join('–')} MB RSS, ${reference.dashboardKb / 1000} MB dashboard load`,
  );
  // As `npm start` does (prestart), the server is compiled first; built afresh here, so the measured
  // process runs today's sources even while they are being edited (bin/districtops.js would fall
  // back to tsx for a build older than the sources, and measure that instead).
  const built = spawnSync(process.execPath, ['scripts/build-server-if-needed.js', '--force'], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error('compiling the server failed');
  // The web app the browser loads, as `npm start` builds it when missing or stale.
  const web = spawnSync(process.execPath, ['scripts/build-web-if-needed.js'], { stdio: 'inherit' });
  if (web.status !== 0) throw new Error('building the web app failed');
  const target = await startTarget();
  const results: RunResult[] = [];
  try {
    for (const engine of o.engines) for (const n of o.checks) results.push(await runOne(engine, n, o, target.url));
  } finally {
    target.stop();
  }
  printTable(results);
}
