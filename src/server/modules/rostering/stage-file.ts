import type { Queryable } from '../../db/client';
import type { ErrorList } from './error-list';
import type { FileSpec, OneRosterVersion } from './oneroster-spec';
import { readFileRows, sha256Of, type FileRowsResult } from './read-file-rows';
import { readInWorker } from './read-in-worker';
import type { SourceFile } from './roster-source';

export interface StagedFile {
  rows: number;
  bytes: number;
  sha256: string;
}

export interface StageFileOptions {
  db: Queryable;
  table: string;
  spec: FileSpec;
  version: OneRosterVersion;
  file: SourceFile;
  errors: ErrorList;
  warnings: string[];
  /** Called with the bytes read so far, for the progress bar. */
  onBytes?: (bytes: number) => void;
}

/** Small files are read where they are: a worker costs a few tens of milliseconds to start. */
const WORKER_MIN_BYTES = 1 << 20;

/**
 * Reads one CSV file into its staging table, checking each row against the OneRoster columns
 * (in a worker thread for large files). Stops early once the error list is full; the file's hash
 * is still taken over all its bytes.
 */
export async function stageFile(o: StageFileOptions): Promise<StagedFile> {
  const insert = async (json: string) => {
    await o.db.query(`INSERT INTO ${o.table} SELECT * FROM json_populate_recordset(NULL::${o.table}, $1)`, [json]);
  };
  const common = {
    onIssue: (e: Parameters<ErrorList['add']>[0]) => o.errors.add(e),
    onWarning: (w: string) => o.warnings.push(w),
    onBytes: o.onBytes,
  };
  const maxErrors = o.errors.max - o.errors.items.length;
  let result: FileRowsResult;
  if (o.file.location && o.file.bytes >= WORKER_MIN_BYTES) {
    result = await readInWorker(
      { location: o.file.location, spec: o.spec, version: o.version, fileName: o.file.name, maxErrors },
      { ...common, insert },
    );
  } else {
    // One batch is written while the next is read.
    let inFlight = Promise.resolve();
    result = await readFileRows(await o.file.open(), {
      ...common,
      spec: o.spec,
      version: o.version,
      fileName: o.file.name,
      maxErrors,
      onBatch: async (json) => {
        await inFlight;
        inFlight = insert(json);
        inFlight.catch(() => undefined);
      },
    });
    await inFlight;
  }
  const sha256 = result.sha256 ?? (await sha256Of(await o.file.open()));
  return { rows: result.rows, bytes: result.sha256 ? result.bytes : o.file.bytes, sha256 };
}
