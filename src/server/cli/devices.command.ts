import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import type { Config } from '../config';
import { openDatabase } from '../context';
import type { DeviceImportReport } from '../../shared/api/device-imports';
import { cliAuthor } from '../modules/devices/device-author';
import { importDevices } from '../modules/devices/import/import-devices';
import { registerGoogleDevicesCommand } from '../modules/devices/google/google-devices.command';
import { registerDeviceAssignmentsCommand } from '../modules/devices/bulk-assign/device-assignments.command';
import { CliError } from './cli-error';
import { resolveDistrict } from './helpers';

function printReport(r: DeviceImportReport, district: string, seconds: number) {
  if (r.status === 'ok') {
    const d = r.counts.devices;
    console.log(
      `${district}: imported ${r.rows} row${r.rows === 1 ? '' : 's'} of ${r.file} in ${seconds.toFixed(1)} s: ` +
        `${d.created} created, ${d.updated} updated, ${d.unchanged} unchanged` +
        (r.counts.models.created ? `; ${r.counts.models.created} new model${r.counts.models.created === 1 ? '' : 's'}` : ''),
    );
  } else {
    console.error(
      `Refused: nothing was changed. ${r.errors.length}${r.errorsTruncated ? '+' : ''} error${r.errors.length === 1 ? '' : 's'}:`,
    );
    for (const e of r.errors) {
      const where = [e.file, e.row ? `row ${e.row}` : '', e.column ? `column ${e.column}` : ''].filter(Boolean).join(', ');
      console.error(`  ${where}: ${e.value !== null && e.value !== '' ? `"${e.value}" ` : ''}${e.message}`);
    }
    if (r.errorsTruncated) console.error('  … the import stopped looking after these.');
  }
  for (const w of r.warnings) console.error(`Warning: ${w}`);
}

/** `import devices <file.csv>`: a subcommand of the `import` group that import.command.ts creates. */
export function registerDevicesCommands(program: Command, config: () => Config) {
  const importCommand = program.commands.find((c) => c.name() === 'import');
  if (!importCommand) throw new Error('register the import commands before the devices commands');
  importCommand
    .command('devices <file>')
    .description(
      'Import devices from a CSV file (headers such as Asset Tag, Serial Number, Model, School, Purchase Date, Cost, Funding Source); ' +
        'matched by serial, so a re-import updates only what changed; if any row is refused, nothing changes',
    )
    .option('--district <district>', 'district id, sourcedId or name, when there are several')
    .option('--json', 'print the report as one JSON object {status, counts, errors, warnings}; the exit code is 1 when refused')
    .action(async (file: string, opts: { district?: string; json?: boolean }) => {
      const source = path.resolve(file);
      if (!fs.existsSync(source) || !fs.statSync(source).isFile()) throw new CliError(`${file}: no such file`);
      const opened = await openDatabase(config(), 'import devices');
      try {
        const district = await resolveDistrict(opened.db, opts.district);
        const started = Date.now();
        const report = await importDevices({
          db: opened.db,
          author: cliAuthor(district.id, `cli (${os.userInfo().username})`),
          fileName: path.basename(source),
          input: fs.createReadStream(source),
        });
        if (opts.json) console.log(JSON.stringify(report));
        else printReport(report, district.name, (Date.now() - started) / 1000);
        if (report.status !== 'ok') process.exitCode = 1;
      } finally {
        await opened.close();
      }
    });
  registerGoogleDevicesCommand(importCommand, config);
  registerDeviceAssignmentsCommand(importCommand, config);
}
