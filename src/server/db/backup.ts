import fs from 'node:fs';
import readline from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import type { Db, Queryable } from './client';
import { listMigrations } from './migrate';

/**
 * A logical backup: gzip'd JSON lines, one header, then for each table its name and rows as
 * JSON objects. The same file restores into PGlite or PostgreSQL, so it also moves a district
 * from the embedded engine to a server. Rows are read in primary-key order in pages, so memory
 * stays flat whatever the size.
 */
const FORMAT = 'districtops-backup';
const VERSION = 1;
const PAGE = 2000;

interface TableInfo {
  name: string;
  pk: string[];
}

/** Every table of ours in foreign-key order (parents first). */
export async function tablesInDependencyOrder(db: Queryable): Promise<TableInfo[]> {
  const tables = (
    await db.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind = 'r' AND n.nspname = current_schema() AND c.relname <> 'schema_migrations' ORDER BY c.relname`,
    )
  ).rows.map((r) => r.name);
  const deps = (
    await db.query<{ child: string; parent: string }>(
      `SELECT cc.relname AS child, pc.relname AS parent FROM pg_constraint k
         JOIN pg_class cc ON cc.oid = k.conrelid JOIN pg_class pc ON pc.oid = k.confrelid
         JOIN pg_namespace n ON n.oid = cc.relnamespace
        WHERE k.contype = 'f' AND n.nspname = current_schema() AND cc.relname <> pc.relname`,
    )
  ).rows;
  const pks = (
    await db.query<{ table: string; col: string }>(
      `SELECT c.relname AS table, a.attname AS col FROM pg_index i
         JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
         JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord) ON true
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
        WHERE i.indisprimary AND n.nspname = current_schema() ORDER BY c.relname, k.ord`,
    )
  ).rows;
  const ordered: string[] = [];
  const visit = (t: string, path: Set<string>) => {
    if (ordered.includes(t) || path.has(t)) return;
    path.add(t);
    for (const d of deps.filter((x) => x.child === t)) visit(d.parent, path);
    ordered.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return ordered.map((name) => ({ name, pk: pks.filter((p) => p.table === name).map((p) => p.col) }));
}

const q = (ident: string) => `"${ident.replace(/"/g, '""')}"`;

export interface BackupResult {
  tables: Record<string, number>;
}

export async function backupDatabase(db: Db, file: string): Promise<BackupResult> {
  const migrations = (await db.query<{ version: string }>('SELECT version FROM schema_migrations ORDER BY version')).rows.map(
    (r) => r.version,
  );
  const tables = await tablesInDependencyOrder(db);
  const counts: Record<string, number> = {};
  async function* lines() {
    yield JSON.stringify({ format: FORMAT, version: VERSION, migrations, engine: db.engine, createdAt: new Date().toISOString() }) + '\n';
    for (const t of tables) {
      yield JSON.stringify({ table: t.name }) + '\n';
      counts[t.name] = 0;
      // Keyset paging on the primary key; an append-only table without one (raw check results) pages on ctid.
      const keyCols = t.pk.length > 0 ? t.pk.map((c) => `t.${q(c)}`) : ['t.ctid'];
      const order = keyCols.join(', ');
      const keyJson = t.pk.length > 0 ? `json_build_array(${order})` : 'json_build_array(t.ctid::text)';
      const cast = t.pk.length > 0 ? '' : '::tid';
      let last: unknown[] | undefined;
      for (;;) {
        const params: unknown[] = [];
        let where = '';
        if (last) {
          params.push(...last);
          where = `WHERE (${order}) > (${last.map((_, i) => `$${i + 1}${cast}`).join(', ')})`;
        }
        const { rows } = await db.query<{ r: Record<string, unknown>; k: unknown[] }>(
          `SELECT row_to_json(t) AS r, ${keyJson} AS k FROM ${q(t.name)} t ${where} ORDER BY ${order} LIMIT ${PAGE}`,
          params,
        );
        for (const row of rows) yield JSON.stringify({ row: row.r }) + '\n';
        counts[t.name] = (counts[t.name] ?? 0) + rows.length;
        if (rows.length < PAGE) break;
        last = rows[rows.length - 1]!.k;
      }
    }
    yield JSON.stringify({ end: true, counts }) + '\n';
  }
  const tmp = `${file}.partial`;
  await pipeline(Readable.from(lines()), zlib.createGzip(), fs.createWriteStream(tmp));
  fs.renameSync(tmp, file);
  return { tables: counts };
}

export class RestoreError extends Error {}

/**
 * Restores a backup into a migrated database that holds no district yet, in one transaction:
 * a file that is truncated or damaged restores nothing.
 */
export async function restoreDatabase(db: Db, file: string): Promise<BackupResult> {
  if (!fs.existsSync(file)) throw new RestoreError(`${file}: no such file`);
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM districts');
  if (rows[0]!.n > 0)
    throw new RestoreError('Restore needs an empty database: this one already holds a district. Use a new DATA_DIR or database.');
  const known = new Set(listMigrations().map((m) => m.version));
  const counts: Record<string, number> = {};
  await db.transaction(async (tx) => {
    await tx.query('SET CONSTRAINTS ALL DEFERRED');
    const input = readline.createInterface({ input: fs.createReadStream(file).pipe(zlib.createGunzip()), crlfDelay: Infinity });
    let header: { format?: string; version?: number; migrations?: string[] } | undefined;
    let table: string | undefined;
    let columns: string | undefined;
    let batch: unknown[] = [];
    let ended = false;
    let lineNo = 0;
    const flush = async () => {
      if (!table || batch.length === 0) return;
      await tx.query(`INSERT INTO ${q(table)} (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::${q(table)}, $1::json)`, [
        JSON.stringify(batch),
      ]);
      counts[table] = (counts[table] ?? 0) + batch.length;
      batch = [];
    };
    try {
      for await (const line of input) {
        lineNo++;
        if (!line) continue;
        const item = JSON.parse(line) as { table?: string; row?: unknown; end?: boolean; format?: string; migrations?: string[] };
        if (!header) {
          if (item.format !== FORMAT) throw new RestoreError(`${file}: not a DistrictOps backup`);
          header = item;
          const unknownMigrations = header.migrations?.filter((m) => !known.has(m)) ?? [];
          if (unknownMigrations.length)
            throw new RestoreError(`${file} comes from a newer DistrictOps (migrations ${unknownMigrations.join(', ')}): upgrade first`);
          continue;
        }
        if (item.table) {
          await flush();
          table = item.table;
          const cols = await tx.query<{ column_name: string }>(
            `SELECT column_name FROM information_schema.columns
              WHERE table_schema = current_schema() AND table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position`,
            [table],
          );
          if (cols.rows.length === 0) throw new RestoreError(`${file} line ${lineNo}: unknown table ${table}`);
          columns = cols.rows.map((c) => q(c.column_name)).join(', ');
          counts[table] = 0;
        } else if (item.row) {
          batch.push(item.row);
          if (batch.length >= 1000) await flush();
        } else if (item.end) {
          await flush();
          ended = true;
        }
      }
    } catch (err) {
      if (err instanceof RestoreError) throw err;
      throw new RestoreError(`${file} line ${lineNo}: ${(err as Error).message}`);
    }
    if (!ended) throw new RestoreError(`${file} is incomplete (no end marker): nothing was restored`);
    // Serial columns continue after the restored ids.
    const seqs = await tx.query<{ tbl: string; col: string; seq: string }>(
      `SELECT c.relname AS tbl, a.attname AS col, pg_get_serial_sequence(quote_ident(c.relname), a.attname) AS seq
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_attribute a ON a.attrelid = c.oid
        WHERE n.nspname = current_schema() AND c.relkind = 'r' AND a.attnum > 0
          AND pg_get_serial_sequence(quote_ident(c.relname), a.attname) IS NOT NULL`,
    );
    for (const s of seqs.rows) {
      await tx.query(`SELECT setval($1, coalesce((SELECT max(${q(s.col)}) FROM ${q(s.tbl)}), 0) + 1, false)`, [s.seq]);
    }
  });
  return { tables: counts };
}
