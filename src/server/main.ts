import { Command, Option } from 'commander';
import { ConfigError, loadConfig, type Config } from './config';
import { DataDirLockedError } from './db/lock';
import { openDatabase } from './context';
import { startServer } from './server';
import { registerUserCommands } from './cli/user.command';
import { registerTokenCommands } from './cli/token.command';
import { registerDataCommands } from './cli/data.command';
import { registerImportCommands } from './cli/import.command';
import { registerSystemsCommands } from './cli/systems.command';
import { registerDevicesCommands } from './cli/devices.command';
import { CliError } from './cli/cli-error';

const program = new Command()
  .name('districtops')
  .description(
    "DistrictOps: the operations platform for a school district's technology leadership.\n" +
      'Uses the embedded database in DATA_DIR (default ./data), or PostgreSQL when DATABASE_URL is set.',
  )
  .showHelpAfterError()
  .configureHelp({ sortSubcommands: true });

let cachedConfig: Config | undefined;
function config(): Config {
  cachedConfig ??= loadConfig();
  return cachedConfig;
}

program
  .command('serve', { isDefault: true })
  .description('Start the web server (PORT, HOST); runs migrations and, on an empty database, creates the demo district unless DEMO=0')
  .action(async () => {
    const server = await startServer(config());
    let closing = false;
    const shutdown = (signal: string) => {
      if (closing) return;
      closing = true;
      console.log(`${signal} received: stopping…`);
      server.close().then(
        () => process.exit(0),
        (err: unknown) => {
          console.error(err);
          process.exit(1);
        },
      );
    };
    process.on('SIGINT', () => shutdown('SIGINT'));
    process.on('SIGTERM', () => shutdown('SIGTERM'));
  });

program
  .command('migrate')
  .description('Apply pending database migrations and exit')
  .action(async () => {
    const opened = await openDatabase(config(), 'migrate', { migrate: false });
    try {
      const { migrate } = await import('./db/migrate');
      const applied = await migrate(opened.db);
      console.log(applied.length ? `Applied ${applied.join(', ')}` : 'The database is up to date.');
    } finally {
      await opened.close();
    }
  });

registerUserCommands(program, config);
registerTokenCommands(program, config);
registerDataCommands(program, config);
registerImportCommands(program, config);
registerSystemsCommands(program, config);
registerDevicesCommands(program, config);

program.addOption(new Option('--no-color').hideHelp());

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof ConfigError || err instanceof DataDirLockedError || err instanceof CliError) {
    console.error(err.message);
    process.exit(err instanceof CliError ? err.exitCode : 2);
  }
  console.error(err);
  process.exit(1);
}
