import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { Config } from '../config';
import { openDatabase } from '../context';
import { AppError } from '../platform/errors';
import { exportSystemsYaml, importSystemsYaml } from '../modules/systems/import-export';
import { SYSTEMS_CHANNEL } from '../modules/systems/runtime';
import { CliError } from './cli-error';
import { resolveDistrict } from './helpers';

export function registerSystemsCommands(program: Command, config: () => Config) {
  const systems = program.command('systems').description('The catalog of systems as config-as-code (YAML)');

  systems
    .command('import <file>')
    .description('Apply a YAML file of systems, checks and notification channels; atomic: a bad file changes nothing')
    .option('--prune', 'also delete the systems the file does not name')
    .option('--district <district>', 'district id, sourcedId or name, when there are several')
    .action(async (file: string, o: { prune?: boolean; district?: string }) => {
      const source = path.resolve(file);
      if (!fs.existsSync(source)) throw new CliError(`${file}: no such file`);
      const text = fs.readFileSync(source, 'utf8');
      const opened = await openDatabase(config(), 'systems import');
      try {
        const district = await resolveDistrict(opened.db, o.district);
        const r = await importSystemsYaml(opened.db, { districtId: district.id, text, prune: o.prune, author: { label: 'cli' } }).catch(
          (err: unknown) => {
            if (err instanceof AppError) throw new CliError(`${file}: ${err.message}`);
            throw err;
          },
        );
        // A server running on the same PostgreSQL database picks the new checks up at once.
        if (opened.db.engine === 'postgres') await opened.db.query('SELECT pg_notify($1, $2)', [SYSTEMS_CHANNEL, 'catalog']);
        const list = (ids: string[]) => (ids.length ? ` (${ids.join(', ')})` : '');
        console.log(
          `${district.name}: ${r.created.length} created${list(r.created)}, ${r.updated.length} updated${list(r.updated)}, ` +
            `${r.unchanged.length} unchanged, ${r.deleted.length} deleted${list(r.deleted)}` +
            (r.notificationsReplaced ? '; notification channels replaced' : ''),
        );
        for (const h of r.heartbeats) {
          console.log(`Heartbeat URL for ${h.systemId}/${h.check} (shown only now): <server>${h.path}`);
        }
      } finally {
        await opened.close();
      }
    });

  systems
    .command('export [file]')
    .description('Write the catalog as YAML to a file, or to standard output')
    .option('--district <district>', 'district id, sourcedId or name, when there are several')
    .action(async (file: string | undefined, o: { district?: string }) => {
      const opened = await openDatabase(config(), 'systems export');
      try {
        const district = await resolveDistrict(opened.db, o.district);
        const text = await exportSystemsYaml(opened.db, district.id);
        if (file) {
          fs.writeFileSync(path.resolve(file), text);
          console.error(`Wrote ${file}`);
        } else {
          process.stdout.write(text);
        }
      } finally {
        await opened.close();
      }
    });
}
