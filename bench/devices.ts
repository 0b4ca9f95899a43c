/**
 * Issue 6, "Speed": (1) import and reconcile 50,000 Chrome devices from a Google Admin export, on
 * PGlite and PostgreSQL, against a raw COPY of the same rows in the same run; (2) the scan station's
 * round trip on PostgreSQL in a 100,000-student district, p99 under 100 ms, against the smallest
 * round trip the same path makes (a SELECT by primary key; GET /api/health). Usage:
 *
 *   npm run bench -- devices [--devices 50000] [--students 100000] [--scans 500] [--format json|csv]
 *                            [--db pglite,postgres] [--part import,scan] [--pg-url URL] [--seed 1] [--quick]
 *
 * --quick: 5,000 devices, 5,000 students, 100 scans each way (a minute or so).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openPglite, openPostgres, type Db } from '../src/server/db/client';
import { migrate } from '../src/server/db/migrate';
import { runImportBench, type Format, type ImportBenchResult, type ImportRun } from './devices.import';
import { runScanBench, type Latency, type ScanBenchResult } from './devices.scan';

type Engine = 'pglite' | 'postgres';

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

interface Scratch {
  open(): Promise<Db>;
  where: { engine: 'pglite'; dataDir: string } | { engine: 'postgres'; url: string };
  drop(): Promise<void>;
}

async function admin(pgUrl: string, sql: string) {
  const c = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 3000 });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/** A new, migrated database: a PGlite data directory, or a PostgreSQL database dropped afterwards. */
async function scratch(engine: Engine, pgUrl: string): Promise<Scratch> {
  if (engine === 'pglite') {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dops-bench-devices-'));
    const db = await openPglite(dataDir);
    await migrate(db);
    await db.close();
    return {
      open: () => openPglite(dataDir),
      where: { engine, dataDir },
      drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const name = `dops_bench_${randomBytes(4).toString('hex')}`;
  await admin(pgUrl, `CREATE DATABASE ${name}`);
  const url = Object.assign(new URL(pgUrl), { pathname: `/${name}` }).toString();
  const db = await openPostgres(url, { max: 2 });
  await migrate(db);
  await db.close();
  return {
    open: () => openPostgres(url, { max: 4 }),
    where: { engine, url },
    drop: () => admin(pgUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function reachable(pgUrl: string): Promise<boolean> {
  try {
    await admin(pgUrl, 'SELECT 1');
    return true;
  } catch {
    return false;
  }
}

function table(header: string[], lines: string[][]) {
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  console.log([header, ...lines].map((l) => l.map((c, i) => c.padEnd(widths[i]!)).join('  ')).join('\n'));
}

const n = (v: number) => Math.round(v).toLocaleString('en-US');

function printImport(results: [Engine, ImportBenchResult][]) {
  const line = (engine: Engine, name: string, r: ImportRun, x: ImportBenchResult) => {
    const c = r.report.counts.devices;
    return [
      engine,
      name,
      n(r.rows),
      r.seconds.toFixed(2),
      n(r.rows / r.seconds),
      `${c.created}/${c.updated}/${c.unchanged}`,
      `${r.report.flags.stale.length}/${r.report.flags.conflicts.length}`,
      x.copySeconds.toFixed(2),
      n(x.copyRows / x.copySeconds),
      `${Math.round((x.copySeconds / r.seconds) * 100)}%`,
    ];
  };
  table(
    [
      'engine',
      'import',
      'devices',
      's',
      'devices/s',
      'created/updated/unchanged',
      'stale/conflicts',
      'COPY s',
      'COPY rows/s',
      'import ÷ COPY',
    ],
    results.flatMap(([e, x]) => [line(e, 'first', x.first, x), line(e, `reconcile (${x.assigned} assigned)`, x.second, x)]),
  );
  console.log(
    'COPY: the rows the first import wrote (devices and their events) loaded raw into like tables, same run. ' +
      'import ÷ COPY: COPY seconds ÷ import seconds (100% = as fast as COPY).',
  );
}

function printScan(r: ScanBenchResult) {
  const ms = (v: number) => v.toFixed(1);
  const lines = r.rows.map((l: Latency) => {
    const ref = l.label.startsWith('HTTP') ? r.reference.http : r.reference.service;
    return [l.label, String(l.n), ms(l.p50), ms(l.p95), ms(l.p99), ms(l.max), `${(l.p99 / ref.p99).toFixed(1)}×`];
  });
  const refs = [r.reference.service, r.reference.http].map((l) => [l.label, String(l.n), ms(l.p50), ms(l.p95), ms(l.p99), ms(l.max), '1×']);
  table(['PostgreSQL, ms', 'n', 'p50', 'p95', 'p99', 'max', 'p99 ÷ reference p99'], [...lines, ...refs]);
  const worst = Math.max(...r.rows.filter((l) => l.label.includes('+')).map((l) => l.p99));
  console.log(
    `Goal: a scan-station round trip (badge + scan) p99 < 100 ms server-side: ${worst < 100 ? 'met' : 'NOT met'} (worst p99 ${ms(worst)} ms).`,
  );
}

export async function main(args: string[]): Promise<void> {
  const quick = args.includes('--quick');
  const devices = Number(option(args, 'devices') ?? (quick ? 5000 : 50_000));
  const students = Number(option(args, 'students') ?? (quick ? 5000 : 100_000));
  const scans = Number(option(args, 'scans') ?? (quick ? 100 : 500));
  const seed = Number(option(args, 'seed') ?? 1);
  const format = (option(args, 'format') ?? 'json') as Format;
  const engines = (option(args, 'db') ?? 'pglite,postgres').split(',') as Engine[];
  const parts = (option(args, 'part') ?? 'import,scan').split(',');
  const pgUrl = option(args, 'pg-url') ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const hasPg = engines.includes('postgres') && (await reachable(pgUrl));
  if (engines.includes('postgres') && !hasPg) console.log(`PostgreSQL is not reachable at ${pgUrl}: skipped.`);

  if (parts.includes('import')) {
    const results: [Engine, ImportBenchResult][] = [];
    for (const engine of engines) {
      if (engine === 'postgres' && !hasPg) continue;
      console.log(`Google Admin import of ${n(devices)} Chrome devices (${format}) into ${engine}…`);
      const s = await scratch(engine, pgUrl);
      try {
        results.push([engine, await runImportBench(() => s.open(), s.where, { devices, seed, format })]);
      } finally {
        await s.drop();
      }
    }
    printImport(results);
  }

  if (parts.includes('scan') && hasPg) {
    console.log(`Scan station on PostgreSQL: seeding the demo district with ${n(students)} students…`);
    const s = await scratch('postgres', pgUrl);
    const db = await s.open();
    try {
      const r = await runScanBench(db, { students, scans, seed });
      console.log(`Seeded in ${r.seedSeconds.toFixed(0)} s: ${n(r.students)} students, ${n(r.devices)} devices.`);
      console.log(`${n(scans)} devices collected then reissued, one scan at a time, through each path:`);
      printScan(r);
    } finally {
      await db.close();
      await s.drop();
    }
  }
}
