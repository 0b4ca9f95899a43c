import { createHash } from 'node:crypto';
import { pipeline, Transform, type Readable } from 'node:stream';
import type { ImportError } from '../../../shared/api/rostering';
import { convertValue } from './convert-value';
import { readCsvRows, RosterFileError } from './csv-reader';
import { isExtensionColumn, stageColumn, type ColumnSpec, type FileSpec, type OneRosterVersion } from './oneroster-spec';
import { rosterRole } from './oneroster-vocabulary';

/** Rows per staging INSERT: a few hundred kilobytes of JSON. */
const BATCH_ROWS = 5000;

export interface ReadFileRowsOptions {
  spec: FileSpec;
  version: OneRosterVersion;
  fileName: string;
  /** Stop reading after this many errors in this file. */
  maxErrors: number;
  onIssue(e: ImportError): void;
  onWarning(w: string): void;
  onBytes?(bytes: number): void;
  /** A batch of checked rows as a JSON array of staging rows; the next batch waits for it. */
  onBatch(json: string, rows: number): Promise<void>;
}

export interface FileRowsResult {
  rows: number;
  bytes: number;
  /** Undefined when reading stopped early: the caller hashes the file itself. */
  sha256: string | undefined;
}

interface HeaderMap {
  columns: { spec: ColumnSpec; index: number; stage: string; required: boolean }[];
  status: number | undefined;
  extensions: { name: string; index: number }[];
  width: number;
}

function mapHeader(fields: string[], o: ReadFileRowsOptions, issue: (e: Omit<ImportError, 'file'>) => void): HeaderMap | undefined {
  const byLower = new Map(o.spec.columns.map((c) => [c.name.toLowerCase(), c]));
  const seen = new Map<string, number>();
  const map: HeaderMap = { columns: [], extensions: [], status: undefined, width: fields.length };
  const ignored: string[] = [];
  let ok = true;
  fields.forEach((raw, index) => {
    const name = raw.trim();
    const lower = name.toLowerCase();
    if (seen.has(lower)) {
      issue({
        row: 1,
        column: name,
        value: name,
        message: `appears twice in the header (columns ${seen.get(lower)! + 1} and ${index + 1})`,
      });
      ok = false;
      return;
    }
    seen.set(lower, index);
    const col = byLower.get(lower);
    if (col?.name === 'status') map.status = index;
    if (col) map.columns.push({ spec: col, index, stage: stageColumn(col.name), required: Boolean(col.required) });
    else if (isExtensionColumn(name)) map.extensions.push({ name, index });
    else if (name !== '') ignored.push(name);
  });
  for (const col of o.spec.columns) {
    if (col.required && !seen.has(col.name.toLowerCase())) {
      issue({ row: 1, column: col.name, value: null, message: `the required column ${col.name} is missing from the header` });
      ok = false;
    }
  }
  if (ignored.length) {
    const one = ignored.length === 1;
    o.onWarning(
      `${o.fileName}: ${ignored.join(', ')} ${one ? 'is not a' : 'are not'} OneRoster ${o.version} column${one ? '' : 's'}; ignored.`,
    );
  }
  return ok ? map : undefined;
}

/** Checks one record and returns the row to stage, or undefined after reporting what is wrong. */
function convertRow(
  row: number,
  fields: string[],
  header: HeaderMap,
  type: FileSpec['type'],
  issue: (e: Omit<ImportError, 'file'>) => void,
) {
  if (fields.length !== header.width) {
    const message = `has ${fields.length} values where the header has ${header.width} columns (is a comma missing its quotes?)`;
    issue({ row, column: null, value: fields.join(','), message });
    return undefined;
  }
  // A row marked tobedeleted only needs its sourcedId.
  const deleting = header.status !== undefined && /^\s*(tobedeleted|inactive)\s*$/i.test(fields[header.status]!);
  const out: Record<string, unknown> = { rn: row };
  let ok = true;
  for (const { spec: col, index, stage, required } of header.columns) {
    const raw = fields[index]!;
    const res = convertValue(col, raw, required && (!deleting || col.name === 'sourcedId'));
    if (!res.ok) {
      issue({ row, column: col.name, value: raw, message: res.message });
      ok = false;
    } else if (res.value !== null && !(Array.isArray(res.value) && res.value.length === 0)) out[stage] = res.value;
  }
  out.status ??= 'active';
  if (header.extensions.length) {
    const ext: Record<string, string> = {};
    for (const { name, index } of header.extensions) if (fields[index]!.trim() !== '') ext[name] = fields[index]!.trim();
    out.ext = ext;
  }
  if (
    type === 'academicSessions' &&
    typeof out.start_date === 'string' &&
    typeof out.end_date === 'string' &&
    out.end_date < out.start_date
  ) {
    issue({ row, column: 'endDate', value: out.end_date, message: `is before startDate (${out.start_date})` });
    ok = false;
  }
  if (typeof out.role === 'string' && (type === 'roles' || type === 'users')) out.roster_role = rosterRole(out.role);
  return ok ? out : undefined;
}

/**
 * Reads one CSV file and checks each row against the OneRoster columns, handing checked rows
 * on in batches. Pure (no database), so it runs as well in a worker thread as in the caller's.
 */
export async function readFileRows(source: Readable, o: ReadFileRowsOptions): Promise<FileRowsResult> {
  const hash = createHash('sha256');
  let bytes = 0;
  let issues = 0;
  const issue = (e: Omit<ImportError, 'file'>) => {
    issues++;
    o.onIssue({ file: o.fileName, ...e });
  };
  const input = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      bytes += chunk.length;
      o.onBytes?.(bytes);
      done(null, chunk);
    },
  });
  // pipeline, not pipe: a read error (a dropped connection, a damaged zip) must reach the reader.
  pipeline(source, input, () => undefined);
  let header: HeaderMap | undefined;
  let batch: Record<string, unknown>[] = [];
  let rows = 0;
  let complete = false;
  const flush = async () => {
    if (batch.length === 0) return;
    const json = JSON.stringify(batch);
    rows += batch.length;
    const n = batch.length;
    batch = [];
    await o.onBatch(json, n);
  };
  try {
    reading: for await (const records of readCsvRows(input, o.fileName)) {
      for (const { row, fields } of records) {
        if (row === 1) {
          header = mapHeader(fields, o, issue);
          if (!header) break reading;
          continue;
        }
        const staged = convertRow(row, fields, header!, o.spec.type, issue);
        if (staged) batch.push(staged);
        if (issues >= o.maxErrors) break reading;
      }
      if (batch.length >= BATCH_ROWS) await flush();
    }
    if (header === undefined && issues === 0)
      issue({ row: 1, column: null, value: null, message: 'is empty: it needs at least its header row' });
    complete = header !== undefined && issues < o.maxErrors;
  } catch (err) {
    if (!(err instanceof RosterFileError)) throw err;
    o.onIssue(err.issue);
  }
  await flush();
  return { rows, bytes, sha256: complete ? hash.digest('hex') : undefined };
}

export async function sha256Of(stream: Readable): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
