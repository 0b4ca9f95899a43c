import os from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import type { Config } from '../config';
import { openDatabase } from '../context';
import type { ImportProgress } from '../../shared/api/rostering';
import { importFromPath } from '../modules/rostering/import-from-path';
import type { ImportOutcome } from '../modules/rostering/import-roster';

function printSummary(r: ImportOutcome, target: string, seconds: number) {
  if (r.status === 'ok') {
    console.log(`Imported OneRoster ${r.version} from ${path.basename(target)} in ${seconds.toFixed(1)} s.`);
    const rows = Object.entries(r.counts);
    const width = Math.max(12, ...rows.map(([k]) => k.length));
    console.log(`  ${'records'.padEnd(width)}  ${['created', 'updated', 'deactivated', 'unchanged'].map((h) => h.padStart(12)).join('')}`);
    for (const [type, c] of rows) {
      console.log(
        `  ${type.padEnd(width)}  ${[c.created, c.updated, c.deactivated, c.unchanged].map((n) => String(n).padStart(12)).join('')}`,
      );
    }
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

/** Progress on a terminal: one line rewritten in place; elsewhere (a log file), one line per phase. */
function progressPrinter(): (p: ImportProgress) => void {
  const tty = process.stderr.isTTY;
  let lastPhase = '';
  return (p) => {
    const text = `${p.phase}${p.file ? ` ${p.file}` : ''}: ${p.percent}% (${p.rowsRead.toLocaleString('en-US')} rows read)`;
    if (tty) process.stderr.write(`\r\x1b[2K${text}${p.phase === 'finished' ? '\n' : ''}`);
    else if (p.phase !== lastPhase) console.error(text);
    lastPhase = p.phase;
  };
}

export function registerImportCommands(program: Command, config: () => Config) {
  const importCommand = program.command('import').description('Import data from the formats districts already have');
  importCommand
    .command('oneroster <path>')
    .description(
      'Import a OneRoster 1.1 or 1.2 export (a folder of CSV files or a .zip) into the roster; if any file is refused, nothing changes',
    )
    .option('--district <district>', "the district's id, sourcedId or name (created when new); default: the export's district org")
    .option('--json', 'print one JSON object {status, counts, errors, …}; the exit code is 1 when the import is refused')
    .action(async (target: string, opts: { district?: string; json?: boolean }) => {
      const opened = await openDatabase(config(), 'import');
      try {
        const started = Date.now();
        const result = await importFromPath(opened.db, {
          target: path.resolve(target),
          district: opts.district,
          source: 'cli',
          actorLabel: `cli (${os.userInfo().username})`,
          onProgress: opts.json ? undefined : progressPrinter(),
        });
        if (opts.json) console.log(JSON.stringify(result));
        else printSummary(result, target, (Date.now() - started) / 1000);
        if (result.status !== 'ok') process.exitCode = 1;
      } finally {
        await opened.close();
      }
    });
}
