/**
 * The reference the roster import is measured against: the same rows, as they end up in the
 * roster tables, loaded with a raw COPY into an empty migrated database of the same engine
 * (same tables, indexes, constraints and triggers). A loader that did no parsing, no checking and
 * no merging could do no better than this.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { openPglite, openPostgres, type Queryable } from '../src/server/db/client';
import { migrate } from '../src/server/db/migrate';

export const rosterTables = [
  'districts',
  'schools',
  'roster_orgs',
  'academic_sessions',
  'courses',
  'classes',
  'people',
  'person_roles',
  'guardian_links',
  'enrollments',
  'roster_user_profiles',
];

/** Columns COPY can write (a generated column such as people.search_text is computed, not copied). */
async function copyColumns(db: Queryable): Promise<Map<string, string>> {
  const { rows } = await db.query<{ table_name: string; cols: string }>(
    `SELECT table_name, string_agg(column_name, ', ' ORDER BY ordinal_position) AS cols
       FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = ANY($1) AND is_generated = 'NEVER'
      GROUP BY table_name`,
    [rosterTables],
  );
  return new Map(rows.map((r) => [r.table_name, r.cols]));
}

export interface CopyReference {
  seconds: number;
  rows: number;
}

/** PGlite: dump each table of the imported data directory, then COPY it into a fresh one, timed. */
export async function pgliteCopyReference(importedDir: string, tmp: string): Promise<CopyReference> {
  const freshDir = path.join(tmp, 'copy-reference');
  const db = await openPglite(freshDir);
  await migrate(db);
  const columns = await copyColumns(db);
  await db.close();

  const src = await PGlite.create({ dataDir: importedDir, extensions: { pg_trgm } });
  const blobs: [string, Blob][] = [];
  let rows = 0;
  for (const table of rosterTables) {
    const r = await src.query(`COPY (SELECT ${columns.get(table)} FROM ${table}) TO '/dev/blob' WITH (FORMAT csv)`);
    // An empty blob makes PGlite's COPY wait for ever: empty tables are simply left empty.
    if (r.blob && r.blob.size > 0) blobs.push([table, r.blob]);
    rows += (await src.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;
  }
  await src.close();

  const dst = await PGlite.create({ dataDir: freshDir, extensions: { pg_trgm } });
  const started = performance.now();
  // One transaction, as the import.
  await dst.exec('BEGIN');
  for (const [table, blob] of blobs)
    await dst.query(`COPY ${table} (${columns.get(table)}) FROM '/dev/blob' WITH (FORMAT csv)`, [], { blob });
  await dst.exec('COMMIT');
  const seconds = (performance.now() - started) / 1000;
  await dst.close();
  return { seconds, rows };
}

/** PostgreSQL: dump each table of the imported database to a file, then COPY it into another scratch database, timed. */
export async function postgresCopyReference(importedUrl: string, freshUrl: string, tmp: string): Promise<CopyReference> {
  const db = await openPostgres(freshUrl, { max: 2 });
  await migrate(db);
  const columns = await copyColumns(db);
  await db.close();

  const src = new pg.Client({ connectionString: importedUrl });
  await src.connect();
  let rows = 0;
  for (const table of rosterTables) {
    await pipeline(
      src.query(copyTo(`COPY (SELECT ${columns.get(table)} FROM ${table}) TO STDOUT WITH (FORMAT csv)`)),
      fs.createWriteStream(path.join(tmp, `${table}.csv`)),
    );
    rows += (await src.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;
  }
  await src.end();

  const dst = new pg.Client({ connectionString: freshUrl });
  await dst.connect();
  const started = performance.now();
  await dst.query('BEGIN');
  for (const table of rosterTables) {
    await pipeline(
      fs.createReadStream(path.join(tmp, `${table}.csv`), { highWaterMark: 1 << 20 }),
      dst.query(copyFrom(`COPY ${table} (${columns.get(table)}) FROM STDIN WITH (FORMAT csv)`)),
    );
  }
  await dst.query('COMMIT');
  const seconds = (performance.now() - started) / 1000;
  await dst.end();
  return { seconds, rows };
}
