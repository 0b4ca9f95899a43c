/**
 * The Google Admin import against its reference: a first import of a generated Chrome fleet (every
 * device created), then the same fleet a week later after the August distribution (updates,
 * unchanged devices, stale ones, conflicts), each through `importGoogleDevices` as the CLI and the
 * upload page call it. The reference is a raw COPY, in the same database and run, of the rows the
 * first import wrote (devices and their events) into tables made `LIKE … INCLUDING ALL` (same
 * columns, defaults, checks and indexes; no foreign keys).
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { openPglite, type Db } from '../src/server/db/client';
import { cliAuthor } from '../src/server/modules/devices/device-author';
import { importGoogleDevices } from '../src/server/modules/devices/google/import-google-devices';
import type { GoogleDeviceImportReport } from '../src/shared/api/device-imports';
import { changeFleet, generateFleet, studentEmail, toConsoleCsv, toDirectoryJson } from './devices.export';

export type Format = 'json' | 'csv';

export interface ImportRun {
  seconds: number;
  rows: number;
  bytes: number;
  report: GoogleDeviceImportReport;
}

export interface ImportBenchResult {
  first: ImportRun;
  second: ImportRun;
  copySeconds: number;
  copyRows: number;
  assigned: number;
}

const copyTables = [
  ['devices', 'bench_copy_devices'],
  ['device_events', 'bench_copy_device_events'],
] as const;
const likeTables = copyTables.map(([t, c]) => `DROP TABLE IF EXISTS ${c}; CREATE TABLE ${c} (LIKE ${t} INCLUDING ALL);`).join('\n');
const dropTables = copyTables.map(([, c]) => `DROP TABLE ${c};`).join('\n');

/** PostgreSQL: the tables' rows out to memory, then timed back in with COPY in one transaction. */
async function postgresCopy(url: string): Promise<{ seconds: number; rows: number }> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(likeTables);
    const dumps: Buffer[] = [];
    let rows = 0;
    for (const [table] of copyTables) {
      const chunks: Buffer[] = [];
      const out = c.query(copyTo(`COPY ${table} TO STDOUT`));
      for await (const chunk of out) chunks.push(chunk as Buffer);
      dumps.push(Buffer.concat(chunks));
      rows += (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;
    }
    const started = performance.now();
    await c.query('BEGIN');
    for (const [i, [, copy]] of copyTables.entries()) {
      await pipeline(Readable.from([dumps[i]!]), c.query(copyFrom(`COPY ${copy} FROM STDIN`)));
    }
    await c.query('COMMIT');
    const seconds = (performance.now() - started) / 1000;
    await c.query(dropTables);
    return { seconds, rows };
  } finally {
    await c.end();
  }
}

/** PGlite: the same through `/dev/blob`, on the data directory the import used (closed meanwhile). */
async function pgliteCopy(dataDir: string): Promise<{ seconds: number; rows: number }> {
  const db = await PGlite.create({ dataDir, extensions: { pg_trgm } });
  try {
    await db.exec(likeTables);
    const blobs: Blob[] = [];
    let rows = 0;
    for (const [table] of copyTables) {
      blobs.push((await db.query(`COPY ${table} TO '/dev/blob'`)).blob!);
      rows += (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;
    }
    const started = performance.now();
    await db.exec('BEGIN');
    for (const [i, [, copy]] of copyTables.entries()) await db.query(`COPY ${copy} FROM '/dev/blob'`, [], { blob: blobs[i]! });
    await db.exec('COMMIT');
    const seconds = (performance.now() - started) / 1000;
    await db.exec(dropTables);
    return { seconds, rows };
  } finally {
    await db.close();
  }
}

/** A district with one student per device (and a few more), as the roster import would leave them. */
async function seedStudents(db: Db, students: number): Promise<string> {
  const { rows } = await db.query<{ id: string }>("INSERT INTO districts (name) VALUES ('Bench District') RETURNING id");
  const districtId = rows[0]!.id;
  const emails = Array.from({ length: students }, (_, i) => studentEmail(i + 1));
  await db.query(
    `INSERT INTO people (district_id, sourced_id, primary_role, given_name, family_name, email, identifier, username, grades)
     SELECT $1, 'stu-' || n, 'student', 'Student', 'Number ' || n, e, lpad(n::text, 6, '0'), split_part(e, '@', 1), ARRAY['05']
       FROM unnest($2::text[]) WITH ORDINALITY AS u(e, n)`,
    [districtId, emails],
  );
  return districtId;
}

/** The August distribution between the two files: four devices in five go to the student Google names. */
async function distribute(db: Db, districtId: string): Promise<number> {
  return db.transaction(async (tx) => {
    const { rowCount } = await tx.query(
      `INSERT INTO device_assignments (district_id, device_id, kind, assignee_type, person_id, checked_out_by)
       SELECT d.district_id, d.id, 'assigned', 'student', p.id, 'bench'
         FROM devices d JOIN people p ON p.district_id = d.district_id AND lower(p.email) = lower(d.annotated_user)
        WHERE d.district_id = $1 AND abs(hashtext(d.serial)) % 5 <> 0`,
      [districtId],
    );
    await tx.query(
      `UPDATE devices d SET status = 'assigned' FROM device_assignments a
        WHERE a.device_id = d.id AND a.checked_in_at IS NULL AND d.district_id = $1`,
      [districtId],
    );
    return rowCount;
  });
}

export async function runImportBench(
  open: () => Promise<Db>,
  where: { engine: 'pglite'; dataDir: string } | { engine: 'postgres'; url: string },
  o: { devices: number; seed: number; format: Format },
): Promise<ImportBenchResult> {
  const now = Date.now();
  const fleet = generateFleet({ devices: o.devices, seed: o.seed, now });
  const changed = changeFleet(fleet, { seed: o.seed, now, days: 7 });
  const encode = o.format === 'json' ? toDirectoryJson : toConsoleCsv;
  const files = [encode(fleet), encode(changed.devices)];

  let db = await open();
  const districtId = await seedStudents(db, o.devices + changed.added);
  const author = cliAuthor(districtId, 'bench');
  const run = async (content: Buffer, at: number): Promise<ImportRun> => {
    const started = performance.now();
    const report = await importGoogleDevices({ db, author, fileName: `chromeos-devices.${o.format}`, content, now: new Date(at) });
    const seconds = (performance.now() - started) / 1000;
    if (report.status !== 'ok') throw new Error(`import refused: ${JSON.stringify(report.errors.slice(0, 3))}`);
    return { seconds, rows: report.rows, bytes: content.length, report };
  };
  try {
    const first = await run(files[0]!, now);
    let copy: { seconds: number; rows: number };
    if (where.engine === 'pglite') {
      await db.close();
      copy = await pgliteCopy(where.dataDir);
      db = await openPglite(where.dataDir);
    } else copy = await postgresCopy(where.url);
    const assigned = await distribute(db, districtId);
    const second = await run(files[1]!, now + 7 * 86_400_000);
    return { first, second, copySeconds: copy.seconds, copyRows: copy.rows, assigned };
  } finally {
    await db.close();
  }
}
