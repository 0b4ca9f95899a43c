import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import type { Config } from '../../../config';
import { openDatabase } from '../../../context';
import { deviceLimits } from '../../../../shared/api/devices';
import type { BulkAssignReport } from '../../../../shared/api/device-bulk-assign';
import { CliError } from '../../../cli/cli-error';
import { resolveDistrict } from '../../../cli/helpers';
import { cliAuthor } from '../device-author';
import { importAssignments } from './import-assignments';

function printReport(r: BulkAssignReport, district: string) {
  if (r.status === 'ok') {
    const t = r.counts.byType;
    console.log(
      `${district}: checked out ${r.counts.assigned} device${r.counts.assigned === 1 ? '' : 's'} from ${r.file}: ` +
        `${t.student} to students, ${t.staff} to staff, ${t.cart} to carts, ${t.room} to rooms` +
        (r.counts.holdsOverridden ? `; ${r.counts.holdsOverridden} despite a hold` : ''),
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

/** `import device-assignments <file.csv>`: bulk check-out, next to `import devices`. */
export function registerDeviceAssignmentsCommand(importCommand: Command, config: () => Config) {
  importCommand
    .command('device-assignments <file>')
    .description(
      'Check devices out from a CSV file (Asset Tag or Serial, Assignee: a student number, email or username, or a cart or room, ' +
        'Assignee Type, Condition, Accessories, Due Date, Hold Override Reason); if any row is refused, nothing changes',
    )
    .option('--district <district>', 'district id, sourcedId or name, when there are several')
    .option('--json', 'print the report as one JSON object {status, counts, errors, warnings}; the exit code is 1 when refused')
    .action(async (file: string, opts: { district?: string; json?: boolean }) => {
      const source = path.resolve(file);
      if (!fs.existsSync(source) || !fs.statSync(source).isFile()) throw new CliError(`${file}: no such file`);
      if (fs.statSync(source).size > deviceLimits.importMaxBytes) throw new CliError(`${file}: larger than the import accepts`);
      const opened = await openDatabase(config(), 'import device-assignments');
      try {
        const district = await resolveDistrict(opened.db, opts.district);
        const report = await importAssignments({
          db: opened.db,
          author: cliAuthor(district.id, `cli (${os.userInfo().username})`),
          fileName: path.basename(source),
          input: fs.createReadStream(source),
        });
        if (opts.json) console.log(JSON.stringify(report));
        else printReport(report, district.name);
        if (report.status !== 'ok') process.exitCode = 1;
      } finally {
        await opened.close();
      }
    });
}
