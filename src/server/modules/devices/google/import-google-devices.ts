import type { Db } from '../../../db/client';
import { googleImportLimits, type GoogleDeviceImportReport } from '../../../../shared/api/device-imports';
import { deviceLimits } from '../../../../shared/api/devices';
import { ErrorList } from '../../rostering/error-list';
import { auditDevices, type DeviceAuthor } from '../device-author';
import { applyGooglePlan } from './apply-google';
import { loadGoogleContext, planGoogleRows } from './plan-google';
import { detectFormat, readGoogleCsv, readGoogleJson, type GoogleFormat, type GoogleRow } from './read-google';

export interface ImportGoogleDevicesOptions {
  db: Db;
  author: DeviceAuthor;
  /** The file's name as the report shows it; its extension tells JSON from CSV when `format` is not given. */
  fileName: string;
  content: Buffer;
  format?: GoogleFormat;
  staleDays?: number;
  now?: Date;
}

/**
 * Reconciles the district's devices with Google Admin's Chrome devices (Directory API JSON or
 * the console's CSV export), matched by serial: creates the devices Google knows and we do not,
 * brings Google's fields up to date, and flags devices that stopped syncing and disagreements
 * with our records. Any invalid row refuses the whole file; otherwise everything is written in
 * one transaction with one audit entry and an event per device changed.
 */
export async function importGoogleDevices(o: ImportGoogleDevicesOptions): Promise<GoogleDeviceImportReport> {
  const { db, author, fileName: file } = o;
  const errors = new ErrorList(deviceLimits.importErrorsMax);
  const warnings: string[] = [];
  const format = o.format ?? detectFormat(file, o.content);
  let rows: GoogleRow[] = [];
  const report = (plan?: { flags: GoogleDeviceImportReport['flags'] }, counts = emptyCounts()): GoogleDeviceImportReport => ({
    status: errors.any ? 'error' : 'ok',
    file,
    format,
    rows: rows.length,
    counts,
    flags: errors.any || !plan ? { stale: [], conflicts: [] } : plan.flags,
    errors: errors.items.slice().sort((a, b) => (a.row ?? 0) - (b.row ?? 0)),
    errorsTruncated: errors.truncated,
    warnings,
  });

  const sink = { file, errors, warnings };
  if (format === 'json') rows = readGoogleJson(o.content, sink);
  else {
    const read = await readGoogleCsv(o.content, sink);
    if (read === 'empty')
      errors.add({ file, row: null, column: null, value: null, message: 'is empty: it needs a header row and a row per device' });
    else rows = read;
  }
  if (errors.any) return report();
  if (rows.length === 0) warnings.push(`${file} lists no Chrome devices`);

  const staleDays = o.staleDays ?? googleImportLimits.staleDaysDefault;
  const now = (o.now ?? new Date()).getTime();
  const taken = exportMoment(rows, now);
  if (now - taken > OLD_EXPORT_MS) {
    const days = Math.floor((now - taken) / DAY);
    warnings.push(
      `The newest sync in ${file} is ${days} days old (${new Date(taken).toISOString().slice(0, 10)}): the export was probably taken then, so devices are called stale against that day. Download a fresh export for today's picture.`,
    );
  }
  const staleBefore = new Date(taken - staleDays * DAY);
  return db.transaction(async (tx) => {
    const plan = planGoogleRows(rows, await loadGoogleContext(tx, author.districtId), { staleBefore });
    const counts = emptyCounts();
    await applyGooglePlan(tx, author, file, plan, counts);
    await auditDevices(tx, author, {
      action: 'device.import_google',
      entityType: 'device_import',
      details: {
        file,
        format,
        rows: rows.length,
        ...counts.devices,
        modelsCreated: counts.models.created,
        stale: plan.flags.stale.length,
        conflicts: plan.flags.conflicts.length,
      },
    });
    return report(plan, counts);
  });
}

const DAY = 86_400_000;
/** An export's newest sync older than this (a weekend and a day) is worth a word in the report. */
const OLD_EXPORT_MS = 3 * DAY;

/**
 * When the export was taken, as near as the file tells: Google's files carry no date of their
 * own, but in a fleet's export someone's device synced shortly before, so the newest sync is the
 * export's moment (never later than now). Staleness counts from it, so a file imported days
 * after it was downloaded (or the example in docs/) flags what was stale when it was taken.
 */
export function exportMoment(rows: readonly GoogleRow[], now: number): number {
  let newest = -Infinity;
  for (const r of rows) {
    const at = r.values.lastSync ? Date.parse(r.values.lastSync) : NaN;
    if (at > newest) newest = at;
  }
  return Number.isFinite(newest) ? Math.min(newest, now) : now;
}

const emptyCounts = (): GoogleDeviceImportReport['counts'] => ({
  devices: { created: 0, updated: 0, unchanged: 0 },
  models: { created: 0 },
});
