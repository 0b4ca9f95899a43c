import path from 'node:path';
import type { Command } from 'commander';
import { localUrl, type Config } from '../config';
import { openDatabase } from '../context';
import { CliError } from './cli-error';

// Each command loads its code when it runs: `serve` parses this file too, and needs none of it.
const loadDemo = () => import('../modules/demo/seed-demo');
const loadBackup = () => import('../db/backup');

function intOption(name: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new CliError(`${name} must be a whole number from ${min} to ${max}`);
  return n;
}

export function registerDataCommands(program: Command, config: () => Config) {
  program
    .command('demo')
    .description(
      'Create the demo district (with one sign-in account per role) in the database, or with --out write it as OneRoster CSV files',
    )
    .option('--students <n>', 'students in the district (default: DEMO_STUDENTS, 5000)', (v) => intOption('--students', v, 10, 200_000))
    .option('--seed <n>', 'random seed: the same seed gives the same district', (v) => intOption('--seed', v, 0, 2 ** 31), 1)
    .option('--out <folder>', 'write the OneRoster CSV files to this folder instead of importing them')
    .option('--oneroster-version <version>', 'OneRoster version of the files written with --out: 1.1 or 1.2', '1.1')
    .action(async (opts: { students?: number; seed: number; out?: string; onerosterVersion: string }) => {
      if (opts.out) {
        if (opts.onerosterVersion !== '1.1' && opts.onerosterVersion !== '1.2')
          throw new CliError('--oneroster-version must be 1.1 or 1.2');
        const outDir = path.resolve(opts.out);
        const [{ generateDistrict }, { DEFAULT_DEMO_STUDENTS }] = await Promise.all([
          import('../modules/demo/generate-district'),
          loadDemo(),
        ]);
        const r = generateDistrict({
          students: opts.students ?? DEFAULT_DEMO_STUDENTS,
          seed: opts.seed,
          version: opts.onerosterVersion,
          outDir,
        });
        console.log(`Wrote a OneRoster ${r.version} district to ${outDir}:`);
        for (const [file, rows] of Object.entries(r.rows))
          console.log(`  ${file.padEnd(22)} ${rows.toLocaleString('en-US').padStart(10)} rows`);
        console.log(`Import it with: npx districtops import oneroster ${JSON.stringify(outDir)}`);
        return;
      }
      const cfg = config();
      const opened = await openDatabase(cfg, 'demo');
      try {
        const { rows } = await opened.db.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM districts WHERE sourced_id = 'district-lakeside'",
        );
        if (rows[0]!.n > 0) throw new CliError('The demo district already exists in this database.');
        // The demo's checks watch the server that will serve this database, at its local address.
        const selfUrl = localUrl(cfg);
        const { describeDemoSignIn, seedDemoDistrict } = await loadDemo();
        const demo = await seedDemoDistrict(opened.db, { students: opts.students ?? cfg.demoStudents, seed: opts.seed, selfUrl });
        console.log(describeDemoSignIn(demo, cfg.publicUrl ?? selfUrl));
      } finally {
        await opened.close();
      }
    });

  program
    .command('backup <file>')
    .description('Write every row of the database to a compressed file (restores into PGlite or PostgreSQL)')
    .action(async (file: string) => {
      const { backupDatabase } = await loadBackup();
      const opened = await openDatabase(config(), 'backup');
      try {
        const target = path.resolve(file);
        const r = await backupDatabase(opened.db, target);
        const total = Object.values(r.tables).reduce((a, b) => a + b, 0);
        console.log(`Backed up ${total} rows from ${Object.keys(r.tables).length} tables to ${target}`);
      } finally {
        await opened.close();
      }
    });

  program
    .command('restore <file>')
    .description('Restore a backup into an empty database (nothing is restored if the file is damaged)')
    .action(async (file: string) => {
      const { restoreDatabase, RestoreError } = await loadBackup();
      const opened = await openDatabase(config(), 'restore');
      try {
        const r = await restoreDatabase(opened.db, path.resolve(file));
        const total = Object.values(r.tables).reduce((a, b) => a + b, 0);
        console.log(`Restored ${total} rows into ${Object.keys(r.tables).length} tables.`);
      } catch (err) {
        if (err instanceof RestoreError) throw new CliError(err.message);
        throw err;
      } finally {
        await opened.close();
      }
    });
}
