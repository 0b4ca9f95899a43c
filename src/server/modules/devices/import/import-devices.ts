import type { Readable } from 'node:stream';
import type { Db } from '../../../db/client';
import { type DeviceImportReport } from '../../../../shared/api/device-imports';
import { deviceLimits } from '../../../../shared/api/devices';
import { ErrorList } from '../../rostering/error-list';
import { auditDevices, type DeviceAuthor } from '../device-author';
import type { ImportField } from './header-aliases';
import type { FileRow } from './import-types';
import { readDeviceRows } from './read-rows';
import { loadDistrict, planRows } from './plan-import';
import { applyPlan } from './apply-import';

export interface ImportDevicesOptions {
  db: Db;
  author: DeviceAuthor;
  /** The file's name as the report shows it. */
  fileName: string;
  input: Readable;
  maxErrors?: number;
}

/**
 * Imports devices from a CSV file whose headers are matched through an alias map ("Asset Tag",
 * "asset_tag" and "Tag" are one column). Devices are matched by serial, so a re-import updates
 * what changed and writes nothing else. An empty cell leaves a value as it is. Every problem is
 * reported with the file, row, column and value; if there is any, nothing changes. Everything
 * is applied in one transaction, with one audit entry and an event per device changed.
 */
export async function importDevices(o: ImportDevicesOptions): Promise<DeviceImportReport> {
  const { db, author, fileName: file } = o;
  const errors = new ErrorList(o.maxErrors ?? deviceLimits.importErrorsMax);
  const warnings: string[] = [];
  const counts = { devices: { created: 0, updated: 0, unchanged: 0 }, models: { created: 0 } };
  const rows: FileRow[] = [];
  const report = (): DeviceImportReport => ({
    status: errors.any ? 'error' : 'ok',
    file,
    rows: rows.length,
    counts,
    // Read top to bottom, as the file is: cell checks and checks against the district interleave by row.
    errors: errors.items.slice().sort((a, b) => (a.row ?? 0) - (b.row ?? 0)),
    errorsTruncated: errors.truncated,
    warnings,
  });

  const headerOf: Partial<Record<ImportField, string>> = {};
  const read = await readDeviceRows(o.input, { file, errors, warnings, headerOf }, rows);
  if (read === 'empty') {
    errors.add({ file, row: null, column: null, value: null, message: 'is empty: it needs a header row and a row per device' });
  }
  if (read !== 'read') return report();

  // ---- check against the district's devices, schools and models, then apply ----
  return db.transaction(async (tx) => {
    const ctx = await loadDistrict(tx, author.districtId);
    const plan = planRows(rows, ctx, { file, errors, warnings, headerOf });
    if (errors.any) return report();
    await applyPlan(tx, author, file, plan, counts);
    await auditDevices(tx, author, {
      action: 'device.import',
      entityType: 'device_import',
      details: { file, rows: rows.length, ...counts.devices, modelsCreated: counts.models.created },
    });
    return report();
  });
}
