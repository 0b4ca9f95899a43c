import type { Queryable } from '../../db/client';

/** Below this many new rows, maintaining indexes row by row is cheaper than rebuilding them. */
const BULK_ROWS = 20_000;

/**
 * Runs `load` with the table's secondary indexes (those no constraint relies on) dropped, then
 * rebuilds them from their own definitions, all inside the caller's transaction. Building an index
 * once over sorted rows is several times faster than a million single inserts into it, above all
 * the people search index (trigrams): a 100,000-student first import spends most of its time there
 * otherwise. Only worth it when the load at least doubles the table, i.e. a district's first import.
 * DROP INDEX locks the table until commit; on PostgreSQL that is the price of a first bulk load.
 */
export async function withSuspendedIndexes<T>(db: Queryable, table: string, newRows: number, load: () => Promise<T>): Promise<T> {
  if (newRows < BULK_ROWS) return load();
  const { rows: existing } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM (SELECT 1 FROM ${table} LIMIT $1) x`, [newRows]);
  if (existing[0]!.n >= newRows) return load();
  const { rows: indexes } = await db.query<{ name: string; def: string }>(
    `SELECT i.relname AS name, pg_get_indexdef(ix.indexrelid) AS def
       FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid
      WHERE ix.indrelid = $1::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = ix.indexrelid)
      ORDER BY i.relname`,
    [table],
  );
  for (const ix of indexes) await db.exec(`DROP INDEX ${ix.name}`);
  const result = await load();
  await db.exec(`SET LOCAL maintenance_work_mem = '128MB'`);
  for (const ix of indexes) await db.exec(ix.def);
  return result;
}
