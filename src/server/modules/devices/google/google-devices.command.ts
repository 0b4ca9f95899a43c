import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import type { Config } from '../../../config';
import { openDatabase } from '../../../context';
import { googleImportLimits, type GoogleDeviceImportReport } from '../../../../shared/api/device-imports';
import { deviceLimits } from '../../../../shared/api/devices';
import { cliAuthor } from '../device-author';
import { CliError } from '../../../cli/cli-error';
import { resolveDistrict } from '../../../cli/helpers';
import { importGoogleDevices } from './import-google-devices';

function printReport(r: GoogleDeviceImportReport, district: string) {
  if (r.status === 'error') {
    console.error(
      `Refused: nothing was changed. ${r.errors.length}${r.errorsTruncated ? '+' : ''} error${r.errors.length === 1 ? '' : 's'}:`,
    );
    for (const e of r.errors) {
      const where = [e.file, e.row ? `row ${e.row}` : '', e.column ? `field ${e.column}` : ''].filter(Boolean).join(', ');
      console.error(`  ${where}: ${e.value ? `"${e.value}" ` : ''}${e.message}`);
    }
  } else {
    const d = r.counts.devices;
    console.log(
      `${district}: reconciled ${r.rows} Chrome device${r.rows === 1 ? '' : 's'} from ${r.file}: ` +
        `${d.created} created, ${d.updated} updated, ${d.unchanged} unchanged`,
    );
    for (const s of r.flags.stale) console.log(`  stale: ${s.serial}${s.assetTag ? ` (${s.assetTag})` : ''} last synced ${s.lastSync}`);
    for (const c of r.flags.conflicts) console.log(`  conflict: ${c.serial}: ${c.detail}`);
  }
  for (const w of r.warnings) console.error(`Warning: ${w}`);
}

/** `import google-devices <file>`: Chrome devices from Google Admin (Directory API JSON or the console's CSV export). */
export function registerGoogleDevicesCommand(importCommand: Command, config: () => Config) {
  importCommand
    .command('google-devices <file>')
    .description(
      'Reconcile devices with Google Admin: the Directory API chromeosdevices JSON or the Admin console CSV export; matched by serial; ' +
        'flags devices not synced recently and annotated users who are not the assigned person; if any row is refused, nothing changes',
    )
    .option('--district <district>', 'district id, sourcedId or name, when there are several')
    .option(
      '--stale-days <days>',
      `flag devices not synced for this many days before the file's newest sync, when it was taken (default ${googleImportLimits.staleDaysDefault})`,
    )
    .option('--json', 'print the report as one JSON object {status, counts, flags, errors}; the exit code is 1 when refused')
    .action(async (file: string, opts: { district?: string; staleDays?: string; json?: boolean }) => {
      const source = path.resolve(file);
      if (!fs.existsSync(source) || !fs.statSync(source).isFile()) throw new CliError(`${file}: no such file`);
      if (fs.statSync(source).size > deviceLimits.importMaxBytes) throw new CliError(`${file}: larger than the import accepts`);
      const staleDays = opts.staleDays === undefined ? undefined : Number(opts.staleDays);
      if (staleDays !== undefined && (!Number.isInteger(staleDays) || staleDays < 1 || staleDays > googleImportLimits.staleDaysMax)) {
        throw new CliError(`--stale-days must be a whole number of days from 1 to ${googleImportLimits.staleDaysMax}`);
      }
      const opened = await openDatabase(config(), 'import google-devices');
      try {
        const district = await resolveDistrict(opened.db, opts.district);
        const report = await importGoogleDevices({
          db: opened.db,
          author: cliAuthor(district.id, `cli (${os.userInfo().username})`),
          fileName: path.basename(source),
          content: fs.readFileSync(source),
          staleDays,
        });
        if (opts.json) console.log(JSON.stringify(report));
        else printReport(report, district.name);
        if (report.status !== 'ok') process.exitCode = 1;
      } finally {
        await opened.close();
      }
    });
}
