import type { Queryable } from '../../db/client';
import type { ChangeCounts } from '../../../shared/api/rostering';
import { withSuspendedIndexes } from './bulk-indexes';

export interface MergeSpec {
  /** The roster table: it has id, district_id, sourced_id, status, created_at and updated_at. */
  table: string;
  /** The staging table, aliased `s`. */
  stage: string;
  /** SQL for a new record's id (newIdSql). */
  newId: string;
  /** LEFT JOINs that resolve the staged references. */
  joins?: string;
  where?: string;
  /** Target column ← SQL expression over the source row; `t` is the existing row, if any (all NULL when new). */
  columns: Record<string, string>;
  /** Columns written with the record whose changes are counted elsewhere (demographics on people). */
  quietColumns?: string[];
  /** A bulk file: records absent from it become inactive (`match` filters the staged rows that count). */
  bulk?: { match?: string; scope?: string };
}

export const zeroCounts = (): ChangeCounts => ({ created: 0, updated: 0, deactivated: 0, unchanged: 0 });

export function addCounts(a: ChangeCounts, b: ChangeCounts): ChangeCounts {
  return {
    created: a.created + b.created,
    updated: a.updated + b.updated,
    deactivated: a.deactivated + b.deactivated,
    unchanged: a.unchanged + b.unchanged,
  };
}

/** Whether the district has any record in the table yet: a first import takes the plain INSERT path. */
export async function districtHasRows(db: Queryable, table: string, districtId: string): Promise<boolean> {
  const { rows } = await db.query<{ any: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${table} WHERE district_id = $1) AS any`, [districtId]);
  return rows[0]!.any;
}

/**
 * Applies staged records to a roster table in one set-based statement: new active records are
 * inserted (with the id staged for them), records whose values differ are updated, records marked
 * tobedeleted become inactive, and records that are the same are not touched, so importing the
 * same files twice writes nothing. Records are never deleted.
 */
export async function mergeRecords(db: Queryable, districtId: string, spec: MergeSpec): Promise<ChangeCounts> {
  const cols = Object.keys(spec.columns);
  const values = cols.map((c) => `${spec.columns[c]} AS c_${c}`).join(',\n           ');
  const where = spec.where ? `WHERE ${spec.where}` : '';
  const from = `${spec.stage} s ${spec.joins ?? ''}`;
  const insertCols = `id, district_id, sourced_id, status, ${cols.join(', ')}`;

  if (!(await districtHasRows(db, spec.table, districtId))) {
    // Nothing to compare with: one INSERT … SELECT, the cheapest way to load a first roster.
    const { rows } = await db.query<{ active: number; total: number }>(
      `SELECT count(*) FILTER (WHERE s.status = 'active')::int AS active, count(*)::int AS total FROM ${spec.stage} s ${where}`,
    );
    const { active, total } = rows[0]!;
    await withSuspendedIndexes(db, spec.table, active, () =>
      db.query(
        `INSERT INTO ${spec.table} (${insertCols})
         SELECT ${spec.newId}, $1, s.sourced_id, 'active', ${cols.map((c) => spec.columns[c]).join(', ')}
           FROM ${from} LEFT JOIN ${spec.table} t ON false
          WHERE s.status = 'active' ${spec.where ? `AND ${spec.where}` : ''}`,
        [districtId],
      ),
    );
    return { created: active, updated: 0, deactivated: 0, unchanged: total - active };
  }

  const rowDiffers = (list: string[]) =>
    `ROW(${list.map((c) => `t.${c}`).join(', ')}) IS DISTINCT FROM ROW(${list.map((c) => spec.columns[c]).join(', ')})`;
  const counted = cols.filter((c) => !spec.quietColumns?.includes(c));
  const { rows } = await db.query<{ total: number; created: number; updated: number; deactivated: number }>(
    `WITH cur AS MATERIALIZED (
       SELECT ${spec.newId} AS new_id, s.sourced_id, s.status, t.id AS tid, t.status AS old_status,
           ${rowDiffers(cols)} AS differs, ${counted.length === cols.length ? 'true' : rowDiffers(counted)} AS counted,
           ${values}
         FROM ${from}
         LEFT JOIN ${spec.table} t ON t.district_id = $1 AND t.sourced_id = s.sourced_id
        ${where}
     ),
     ins AS (
       INSERT INTO ${spec.table} (${insertCols})
       SELECT new_id, $1, sourced_id, 'active', ${cols.map((c) => `c_${c}`).join(', ')}
         FROM cur WHERE tid IS NULL AND status = 'active'
       RETURNING 1
     ),
     upd AS (
       UPDATE ${spec.table} t SET ${cols.map((c) => `${c} = cur.c_${c}`).join(', ')}, status = 'active', updated_at = now()
         FROM cur WHERE t.id = cur.tid AND cur.status = 'active' AND (cur.old_status <> 'active' OR cur.differs)
       RETURNING cur.old_status <> 'active' OR cur.counted AS counted
     ),
     del AS (
       UPDATE ${spec.table} t SET status = 'inactive', updated_at = now()
         FROM cur WHERE t.id = cur.tid AND cur.status = 'inactive' AND cur.old_status = 'active'
       RETURNING 1
     )
     SELECT (SELECT count(*) FROM cur)::int AS total, (SELECT count(*) FROM ins)::int AS created,
            (SELECT count(*) FROM upd WHERE counted)::int AS updated, (SELECT count(*) FROM del)::int AS deactivated`,
    [districtId],
  );
  const r = rows[0]!;
  let deactivated = r.deactivated;
  if (spec.bulk) {
    // Records created by this import came from the staging table: only older ones can be missing from it.
    const res = await db.query(
      `UPDATE ${spec.table} t SET status = 'inactive', updated_at = now()
        WHERE t.district_id = $1 AND t.status = 'active' AND t.created_at < now() ${spec.bulk.scope ? `AND ${spec.bulk.scope}` : ''}
          AND NOT EXISTS (SELECT 1 FROM ${spec.stage} s WHERE s.sourced_id = t.sourced_id ${spec.bulk.match ? `AND ${spec.bulk.match}` : ''})`,
      [districtId],
    );
    deactivated += res.rowCount;
  }
  return { created: r.created, updated: r.updated, deactivated, unchanged: r.total - r.created - r.updated - r.deactivated };
}
