import type { Queryable } from '../../db/client';
import type { ImportCounts, ImportError, ImportFile, ImportProgress, ImportStatus, RosterImport } from '../../../shared/api/rostering';

interface ImportRow {
  id: string;
  district_id: string | null;
  source: RosterImport['source'];
  actor_label: string;
  file_name: string | null;
  status: ImportStatus;
  oneroster_version: string | null;
  files: ImportFile[];
  counts: ImportCounts;
  errors: ImportError[];
  errors_truncated: boolean;
  warnings: string[];
  progress: ImportProgress | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  job_state: string | null;
  job_error: string | null;
}

function toImport(r: ImportRow): RosterImport {
  // A job that died (its server stopped, twice) leaves the record running: report what happened.
  const orphaned = (r.status === 'queued' || r.status === 'running') && r.job_state === 'dead';
  return {
    id: r.id,
    status: orphaned ? 'failed' : r.status,
    source: r.source,
    fileName: r.file_name,
    actorLabel: r.actor_label,
    version: r.oneroster_version,
    createdAt: r.created_at.toISOString(),
    startedAt: r.started_at?.toISOString() ?? null,
    finishedAt: r.finished_at?.toISOString() ?? null,
    progress: r.progress,
    files: r.files,
    counts: r.counts,
    errors: orphaned
      ? [
          {
            file: r.file_name ?? '',
            row: null,
            column: null,
            value: null,
            message: `The import stopped: ${r.job_error ?? 'the server stopped'}. Upload the file again.`,
          },
        ]
      : r.errors,
    errorsTruncated: r.errors_truncated,
    warnings: r.warnings,
  };
}

const selectImport = `SELECT i.*, j.state AS job_state, j.last_error AS job_error FROM roster_imports i LEFT JOIN jobs j ON j.id = i.job_id`;

export interface NewImport {
  districtId: string | null;
  source: RosterImport['source'];
  actorAccountId: string | null;
  actorLabel: string;
  fileName: string | null;
}

export async function createImportRecord(db: Queryable, o: NewImport): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO roster_imports (district_id, source, actor_account_id, actor_label, file_name, progress)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [
      o.districtId,
      o.source,
      o.actorAccountId,
      o.actorLabel,
      o.fileName,
      JSON.stringify({ phase: 'queued', file: null, rowsRead: 0, percent: 0 }),
    ],
  );
  return rows[0]!.id;
}

export async function setImportJob(db: Queryable, id: string, jobId: string): Promise<void> {
  await db.query('UPDATE roster_imports SET job_id = $2 WHERE id = $1', [id, jobId]);
}

export async function markImportRunning(db: Queryable, id: string): Promise<void> {
  await db.query(`UPDATE roster_imports SET status = 'running', started_at = now(), finished_at = NULL WHERE id = $1`, [id]);
}

export async function saveImportProgress(db: Queryable, id: string, progress: ImportProgress): Promise<void> {
  await db.query('UPDATE roster_imports SET progress = $2 WHERE id = $1', [id, JSON.stringify(progress)]);
}

export interface ImportResultRecord {
  status: 'succeeded' | 'failed';
  districtId: string | null;
  version: string | null;
  files: ImportFile[];
  counts: ImportCounts;
  errors: ImportError[];
  errorsTruncated: boolean;
  warnings: string[];
}

export async function finishImportRecord(db: Queryable, id: string, r: ImportResultRecord): Promise<void> {
  await db.query(
    `UPDATE roster_imports SET status = $2, district_id = coalesce($3, district_id), oneroster_version = $4, files = $5, counts = $6,
            errors = $7, errors_truncated = $8, warnings = $9, finished_at = now(), progress = $10
      WHERE id = $1`,
    [
      id,
      r.status,
      r.districtId,
      r.version,
      JSON.stringify(r.files),
      JSON.stringify(r.counts),
      JSON.stringify(r.errors),
      r.errorsTruncated,
      JSON.stringify(r.warnings),
      JSON.stringify({ phase: 'finished', file: null, rowsRead: 0, percent: 100 }),
    ],
  );
}

export async function getImport(db: Queryable, districtId: string, id: string): Promise<RosterImport | undefined> {
  const { rows } = await db.query<ImportRow>(`${selectImport} WHERE i.id = $1 AND i.district_id = $2`, [id, districtId]);
  return rows[0] ? toImport(rows[0]) : undefined;
}

export async function getImportById(db: Queryable, id: string): Promise<(RosterImport & { districtId: string | null }) | undefined> {
  const { rows } = await db.query<ImportRow>(`${selectImport} WHERE i.id = $1`, [id]);
  return rows[0] ? { ...toImport(rows[0]), districtId: rows[0].district_id } : undefined;
}

export async function listImports(
  db: Queryable,
  districtId: string,
  page: number,
  pageSize: number,
): Promise<{ items: RosterImport[]; total: number }> {
  const [items, total] = await Promise.all([
    db.query<ImportRow>(`${selectImport} WHERE i.district_id = $1 ORDER BY i.created_at DESC, i.id LIMIT $2 OFFSET $3`, [
      districtId,
      pageSize,
      (page - 1) * pageSize,
    ]),
    db.query<{ n: number }>('SELECT count(*)::int AS n FROM roster_imports WHERE district_id = $1', [districtId]),
  ]);
  return { items: items.rows.map(toImport), total: total.rows[0]!.n };
}
