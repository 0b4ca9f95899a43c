import type { Config } from './config';
import { openDb, type Db } from './db/client';
import { acquireDataDirLock } from './db/lock';
import { migrate } from './db/migrate';

export interface OpenedDatabase {
  db: Db;
  /** Records where the server listens in the lock file, so the CLI can say so. */
  announce(url: string): void;
  close(): Promise<void>;
}

/**
 * Opens the configured database for one command: takes the PGlite data-directory lock first
 * (refusing if another process holds it), then runs pending migrations.
 */
export async function openDatabase(config: Config, command: string, opts: { migrate?: boolean } = {}): Promise<OpenedDatabase> {
  const lock = config.databaseUrl ? undefined : acquireDataDirLock(config.dataDir, command);
  let db: Db;
  try {
    db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    if (opts.migrate !== false) await migrate(db);
  } catch (err) {
    lock?.release();
    throw err;
  }
  return {
    db,
    announce: (url) => lock?.setUrl(url),
    async close() {
      await db.close();
      lock?.release();
    },
  };
}
