import type { Queryable } from '../../db/client';
import type { RosterFileType } from '../../../shared/api/rostering';
import { stageColumn, type ColumnKind, type FileSpec } from './oneroster-spec';

/**
 * Staging tables hold an import's rows, as read and checked, until they are applied. They are
 * ordinary UNLOGGED tables named after the import (not TEMP tables): rows are staged outside the
 * applying transaction, in short statements, so that on PGlite (one connection) the rest of the
 * app keeps answering while a large file is read; on PostgreSQL any pooled connection sees them.
 */
const sqlType: Record<ColumnKind, string | undefined> = {
  id: 'text',
  text: 'text',
  enum: 'text',
  status: 'text',
  date: 'date',
  bool: 'boolean',
  year: 'integer',
  list: 'text[]',
  idList: 'text[]',
  grades: 'text[]',
  datetime: undefined,
  secret: undefined,
};

/** Values computed while reading, beside the file's own columns. */
const derivedColumns: Partial<Record<RosterFileType, [string, string][]>> = {
  users: [['roster_role', 'text']],
  roles: [['roster_role', 'text']],
};

export interface StageColumn {
  name: string;
  type: string;
}

export function stageColumns(spec: FileSpec): StageColumn[] {
  const cols: StageColumn[] = [{ name: 'rn', type: 'integer NOT NULL' }];
  for (const c of spec.columns) {
    const type = sqlType[c.kind];
    if (type) cols.push({ name: stageColumn(c.name), type });
  }
  for (const [name, type] of derivedColumns[spec.type] ?? []) cols.push({ name, type });
  cols.push({ name: 'ext', type: 'jsonb' });
  return cols;
}

const PREFIX = 'rstg_';

export function stageTableName(importId: string, type: RosterFileType): string {
  return `${PREFIX}${importId.replace(/-/g, '')}_${type.toLowerCase()}`;
}

export async function createStageTable(db: Queryable, name: string, columns: StageColumn[]): Promise<void> {
  await db.exec(`DROP TABLE IF EXISTS ${name}; CREATE UNLOGGED TABLE ${name} (${columns.map((c) => `${c.name} ${c.type}`).join(', ')})`);
}

/** Statistics (PGlite never runs autovacuum, so plans need ANALYZE) and, for files others refer to, an index on sourcedId. */
export async function prepareStageTable(db: Queryable, name: string, lookedUp: boolean): Promise<void> {
  await db.exec(`${lookedUp ? `CREATE INDEX ON ${name} (sourced_id); ` : ''}ANALYZE ${name}`);
}

export async function dropStageTables(db: Queryable, importId: string): Promise<void> {
  const { rows } = await db.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE tablename LIKE $1`, [
    `${PREFIX}${importId.replace(/-/g, '')}\\_%`,
  ]);
  for (const r of rows) await db.exec(`DROP TABLE IF EXISTS ${r.tablename}`);
}

/** Drops staging tables left by imports that are no longer running (a crash, a killed CLI). */
export async function dropStaleStageTables(db: Queryable): Promise<void> {
  const { rows } = await db.query<{ tablename: string }>(
    `SELECT t.tablename FROM pg_tables t
      WHERE t.tablename LIKE 'rstg\\_%'
        AND NOT EXISTS (SELECT 1 FROM roster_imports i
                         WHERE i.status = 'running' AND i.started_at > now() - interval '1 day'
                           AND t.tablename LIKE 'rstg\\_' || replace(i.id::text, '-', '') || '\\_%')`,
  );
  for (const r of rows) await db.exec(`DROP TABLE IF EXISTS ${r.tablename}`);
}
