/**
 * Issue 4, "Speed": import a generated district (100,000 students, about a million enrollments)
 * on PGlite and on PostgreSQL, then import it again (nothing changes), and compare with a raw COPY
 * of the same rows into the same engine measured in the same run. Each engine runs in a child
 * process of its own, so that its peak memory is its own. Usage:
 *
 *   npm run bench -- roster-import [--students 100000] [--db pglite,postgres] [--pg-url URL] [--seed 1]
 *
 * ROSTER_BENCH_STUDENTS sets the default size (for a quick run: ROSTER_BENCH_STUDENTS=10000).
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openPglite, openPostgres, type Db } from '../src/server/db/client';
import { migrate } from '../src/server/db/migrate';
import { generateDistrict } from '../src/server/modules/demo/generate-district';
import { importFromPath } from '../src/server/modules/rostering/import-from-path';
import type { ImportOutcome } from '../src/server/modules/rostering/import-roster';
import { pgliteCopyReference, postgresCopyReference } from './roster-import.copy';

type Engine = 'pglite' | 'postgres';

interface EngineResult {
  engine: Engine;
  importSeconds: number;
  importCpuSeconds: number;
  peakRssMb: number;
  reimportSeconds: number;
  reimportChanges: number;
  copySeconds: number;
  copyRows: number;
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

/** Runs one import, sampling this process's memory as it goes. */
async function timedImport(db: Db, dir: string): Promise<{ seconds: number; cpu: number; peakRss: number; outcome: ImportOutcome }> {
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  const cpu = process.cpuUsage();
  const started = performance.now();
  const outcome = await importFromPath(db, { target: dir, source: 'cli', actorLabel: 'bench' });
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  clearInterval(sampler);
  if (outcome.status !== 'ok') throw new Error(`import refused: ${JSON.stringify(outcome.errors.slice(0, 3))}`);
  return { seconds, cpu: (used.user + used.system) / 1e6, peakRss: Math.max(peakRss, process.memoryUsage().rss), outcome };
}

const changes = (o: ImportOutcome) => Object.values(o.counts).reduce((n, c) => n + c.created + c.updated + c.deactivated, 0);

/** The child process: one engine, start to finish; prints its result as JSON on the last line. */
async function runEngine(engine: Engine, dir: string, pgUrl: string): Promise<EngineResult> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `dops-bench-${engine}-`));
  const scratch = [`dops_bench_${randomBytes(4).toString('hex')}`, `dops_bench_${randomBytes(4).toString('hex')}`];
  const admin = engine === 'postgres' ? new pg.Client({ connectionString: pgUrl }) : undefined;
  const urlOf = (name: string) => Object.assign(new URL(pgUrl), { pathname: `/${name}` }).toString();
  try {
    if (admin) {
      await admin.connect();
      for (const name of scratch) await admin.query(`CREATE DATABASE ${name}`);
    }
    const db = engine === 'pglite' ? await openPglite(path.join(tmp, 'imported')) : await openPostgres(urlOf(scratch[0]!));
    await migrate(db);
    const first = await timedImport(db, dir);
    const second = await timedImport(db, dir);
    await db.close();
    const copy =
      engine === 'pglite'
        ? await pgliteCopyReference(path.join(tmp, 'imported'), tmp)
        : await postgresCopyReference(urlOf(scratch[0]!), urlOf(scratch[1]!), tmp);
    return {
      engine,
      importSeconds: first.seconds,
      importCpuSeconds: first.cpu,
      peakRssMb: Math.round(first.peakRss / 1024 / 1024),
      reimportSeconds: second.seconds,
      reimportChanges: changes(second.outcome),
      copySeconds: copy.seconds,
      copyRows: copy.rows,
    };
  } finally {
    if (admin) {
      for (const name of scratch) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

async function postgresReachable(url: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

const here = path.dirname(fileURLToPath(import.meta.url));

export async function main(args: string[]): Promise<void> {
  const pgUrl = option(args, 'pg-url') ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const child = option(args, 'child') as Engine | undefined;
  if (child) {
    console.log(JSON.stringify(await runEngine(child, option(args, 'dir')!, pgUrl)));
    return;
  }
  const students = Number(option(args, 'students') ?? process.env.ROSTER_BENCH_STUDENTS ?? 100_000);
  const seed = Number(option(args, 'seed') ?? 1);
  const engines = (option(args, 'db') ?? 'pglite,postgres').split(',') as Engine[];
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dops-bench-roster-'));
  try {
    const started = performance.now();
    const generated = generateDistrict({ students, seed, outDir: path.join(tmp, 'export') });
    const rows = Object.entries(generated.rows).reduce((n, [, r]) => n + r, 0);
    console.log(
      `Generated ${students.toLocaleString('en-US')} students (seed ${seed}) in ${((performance.now() - started) / 1000).toFixed(1)} s:`,
    );
    console.log(
      `  ${Object.entries(generated.rows)
        .map(([f, n]) => `${f} ${n.toLocaleString('en-US')}`)
        .join(', ')}; ${rows.toLocaleString('en-US')} rows in all`,
    );

    const results: EngineResult[] = [];
    for (const engine of engines) {
      if (engine === 'postgres' && !(await postgresReachable(pgUrl))) {
        console.log(`PostgreSQL is not reachable at ${pgUrl}: skipped.`);
        continue;
      }
      console.log(`Importing into ${engine}…`);
      const out = execFileSync(
        process.execPath,
        [
          '--import',
          'tsx',
          path.join(here, 'run.ts'),
          'roster-import',
          '--child',
          engine,
          '--dir',
          path.join(tmp, 'export'),
          '--pg-url',
          pgUrl,
        ],
        {
          encoding: 'utf8',
          maxBuffer: 1 << 24,
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      );
      results.push(JSON.parse(out.trim().split('\n').pop()!) as EngineResult);
    }
    printResults(results, rows, students);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function printResults(results: EngineResult[], rows: number, students: number): void {
  const header = [
    'engine',
    'import s',
    'rows/s',
    'CPU s',
    'peak RSS MB',
    're-import s',
    'raw COPY s',
    'COPY rows/s',
    'import ÷ COPY speed',
    'goal',
  ];
  const lines = results.map((r) => {
    const ratio = r.copySeconds / r.importSeconds;
    const goal =
      r.engine === 'postgres'
        ? `≥50% of COPY: ${ratio >= 0.5 ? 'met' : 'NOT met'}`
        : `<60 s for 100k: ${students < 100_000 ? 'n/a (smaller run)' : r.importSeconds < 60 ? 'met' : 'NOT met'}`;
    return [
      r.engine,
      r.importSeconds.toFixed(1),
      Math.round(rows / r.importSeconds).toLocaleString('en-US'),
      r.importCpuSeconds.toFixed(1),
      String(r.peakRssMb),
      `${r.reimportSeconds.toFixed(1)}${r.reimportChanges ? ` (${r.reimportChanges} changes!)` : ''}`,
      r.copySeconds.toFixed(1),
      Math.round(r.copyRows / r.copySeconds).toLocaleString('en-US'),
      `${Math.round(ratio * 100)}%`,
      goal,
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  console.log([header, ...lines].map((l) => l.map((c, i) => c.padEnd(widths[i]!)).join('  ')).join('\n'));
  console.log(
    'rows/s: CSV rows of the export per second of import (parse, check, apply). Raw COPY: the same rows as stored, into empty tables.',
  );
}
