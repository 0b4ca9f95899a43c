import type { Db } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import {
  rosterFileTypes,
  type ImportError,
  type ImportFile,
  type ImportProgress,
  type RosterFileType,
} from '../../../shared/api/rostering';
import { applyImport, type CountsByType } from './apply-import';
import { checkStaged } from './check-staged';
import { RosterFileError } from './csv-reader';
import { ErrorList } from './error-list';
import type { ImportContext } from './import-context';
import { finishImportRecord, markImportRunning } from './imports.repository';
import { readManifest } from './manifest';
import { fileSpec } from './oneroster-spec';
import { resolveDistrict, type DistrictChoice, type DistrictPlan } from './resolve-district';
import { SourceError, type RosterSource } from './roster-source';
import { sha256Of } from './read-file-rows';
import { stageFile } from './stage-file';
import { createStageTable, dropStageTables, dropStaleStageTables, prepareStageTable, stageColumns, stageTableName } from './staging';
import { idPrefix } from './id-prefix';

/** Files other files refer to: their staging tables are searched by sourcedId, so they get an index. */
const lookedUp = new Set<RosterFileType>(['orgs', 'academicSessions', 'courses', 'classes', 'users']);

export interface ImportRosterOptions {
  db: Db;
  /** The roster_imports record, created by the caller (the upload route or the CLI). */
  importId: string;
  /** Opens the export (a folder or zip); the import closes it. */
  openSource: () => Promise<RosterSource>;
  /** The export's name in the report, when it cannot even be opened. */
  sourceLabel: string;
  district: DistrictChoice;
  actor: Actor | null;
  actorLabel: string;
  request?: { ip?: string; userAgent?: string; requestId?: string };
  /** Progress while files are read and checked; never called inside the applying transaction. */
  onProgress?: (p: ImportProgress) => Promise<void> | void;
  /** Log lines for a terminal (the step being applied). */
  log?: (line: string) => void;
  maxErrors?: number;
}

export interface ImportOutcome {
  status: 'ok' | 'error';
  importId: string;
  districtId: string | null;
  version: string | null;
  files: ImportFile[];
  counts: CountsByType;
  errors: ImportError[];
  errorsTruncated: boolean;
  warnings: string[];
}

/**
 * Imports a OneRoster 1.1 or 1.2 export: reads and checks every file into staging tables, checks
 * references across files and against the roster, then applies everything in one transaction.
 * Any error → nothing changes, and the report lists every error (up to a cap) with file, row and
 * column. The same files twice → the second import changes nothing.
 */
export async function importRoster(o: ImportRosterOptions): Promise<ImportOutcome> {
  const { db } = o;
  const errors = new ErrorList(o.maxErrors);
  const warnings: string[] = [];
  const files: ImportFile[] = [];
  const ctx: ImportContext = {
    importId: o.importId,
    version: '1.1',
    districtId: null,
    districtSourcedId: null,
    tables: {},
    specs: {},
    modes: new Map(),
    staged: {},
    idPrefix: idPrefix(),
  };
  let version: string | null = null;
  let plan: DistrictPlan | undefined;
  // Progress is best effort: a failed progress write must not fail the import.
  const progress = async (p: ImportProgress) => {
    try {
      await o.onProgress?.({ ...p, percent: Math.min(100, Math.round(p.percent)) });
    } catch {
      /* the next report will try again */
    }
  };

  const finish = async (status: 'ok' | 'error', districtId: string | null, counts: CountsByType): Promise<ImportOutcome> => ({
    status,
    importId: o.importId,
    districtId,
    version,
    files,
    counts,
    errors: errors.items,
    errorsTruncated: errors.truncated,
    warnings,
  });

  const fail = async (): Promise<ImportOutcome> => {
    const districtId = plan?.id ?? (o.district.kind === 'existing' ? o.district.id : null);
    await db.transaction(async (tx) => {
      await finishImportRecord(tx, o.importId, {
        status: 'failed',
        districtId,
        version,
        files,
        counts: {},
        errors: errors.items,
        errorsTruncated: errors.truncated,
        warnings,
      });
      await writeAudit(tx, {
        districtId,
        actor: o.actor,
        actorLabel: o.actorLabel,
        action: 'roster.import.refused',
        entityType: 'roster_import',
        entityId: o.importId,
        ...o.request,
        details: { files: files.map((f) => f.name), errors: errors.items.length },
      });
    });
    return finish('error', districtId, {});
  };

  await markImportRunning(db, o.importId);
  let source: RosterSource | undefined;
  try {
    const src = await o.openSource();
    source = src;
    await dropStaleStageTables(db);
    const read = await readManifest(src, warnings);
    read.errors.forEach((e) => errors.add(e));
    if (!read.manifest) return await fail();
    const manifest = read.manifest;
    const manifestFile = src.files.get('manifest.csv')!;
    files.push({
      name: manifestFile.name,
      bytes: manifestFile.bytes,
      sha256: await sha256Of(await manifestFile.open()),
      mode: null,
      rows: manifest.rows - 1,
    });
    version = manifest.version;
    ctx.version = manifest.version;
    ctx.modes = manifest.modes;

    const toRead = rosterFileTypes.filter((t) => manifest.modes.has(t));
    const totalBytes = toRead.reduce((sum, t) => sum + src.files.get(`${t.toLowerCase()}.csv`)!.bytes, 0) || 1;
    let doneBytes = 0;
    let rowsRead = 0;
    for (const type of toRead) {
      const spec = fileSpec(manifest.version, type)!;
      const file = src.files.get(spec.fileName.toLowerCase())!;
      const table = stageTableName(o.importId, type);
      await createStageTable(db, table, stageColumns(spec));
      ctx.tables[type] = table;
      ctx.specs[type] = spec;
      let lastReport = 0;
      const staged = await stageFile({
        db,
        table,
        spec,
        version: manifest.version,
        file,
        errors,
        warnings,
        onBytes: (bytes) => {
          if (bytes - lastReport < 4 * 1024 * 1024) return;
          lastReport = bytes;
          void progress({ phase: 'reading', file: file.name, rowsRead, percent: ((doneBytes + bytes) / totalBytes) * 80 });
        },
      });
      doneBytes += file.bytes;
      rowsRead += staged.rows;
      ctx.staged[type] = staged.rows;
      files.push({ name: file.name, bytes: staged.bytes, sha256: staged.sha256, mode: manifest.modes.get(type)!, rows: staged.rows });
      await progress({ phase: 'reading', file: file.name, rowsRead, percent: (doneBytes / totalBytes) * 80 });
      if (errors.full) break;
    }
    if (errors.any) return await fail();

    await progress({ phase: 'checking', file: null, rowsRead, percent: 82 });
    for (const [type, table] of Object.entries(ctx.tables)) await prepareStageTable(db, table, lookedUp.has(type as RosterFileType));
    plan = await resolveDistrict(db, o.district, ctx.tables.orgs, errors);
    if (!plan) return await fail();
    ctx.districtId = plan.id;
    ctx.districtSourcedId = plan.sourcedId;
    await checkStaged(db, ctx, errors);
    if (errors.any) return await fail();

    await progress({ phase: 'applying', file: null, rowsRead, percent: 88 });
    const districtPlan = plan;
    const applied = await db.transaction(async (tx) => {
      const result = await applyImport(tx, db.engine, ctx, districtPlan, (step) => o.log?.(`Applying ${step}…`));
      await finishImportRecord(tx, o.importId, {
        status: 'succeeded',
        districtId: result.districtId,
        version,
        files,
        counts: result.counts,
        errors: [],
        errorsTruncated: false,
        warnings,
      });
      await writeAudit(tx, {
        districtId: result.districtId,
        actor: o.actor,
        actorLabel: o.actorLabel,
        action: 'roster.imported',
        entityType: 'roster_import',
        entityId: o.importId,
        ...o.request,
        details: { version, files: files.map((f) => ({ name: f.name, sha256: f.sha256, mode: f.mode })), counts: result.counts },
      });
      return result;
    });
    // Fresh statistics for the directory's queries: PGlite never analyzes on its own.
    await db.exec('ANALYZE people; ANALYZE enrollments; ANALYZE person_roles; ANALYZE guardian_links; ANALYZE classes');
    await progress({ phase: 'finished', file: null, rowsRead, percent: 100 });
    return await finish('ok', applied.districtId, applied.counts);
  } catch (err) {
    if (err instanceof RosterFileError) errors.add(err.issue);
    else if (err instanceof SourceError) errors.add({ file: o.sourceLabel, row: null, column: null, value: null, message: err.message });
    else {
      errors.add({
        file: o.sourceLabel,
        row: null,
        column: null,
        value: null,
        message: `The import stopped: ${err instanceof Error ? err.message : String(err)}`,
      });
      await fail().catch(() => undefined);
      throw err;
    }
    return await fail();
  } finally {
    await source?.close();
    await dropStageTables(db, o.importId).catch(() => undefined);
  }
}
