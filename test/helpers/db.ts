import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPglite, openPostgres, type Db } from '../../src/server/db/client';
import { migrate } from '../../src/server/db/migrate';

/** Which engine the integration suite runs on: PGlite unless DATABASE_URL names a PostgreSQL server. */
export const testEngine = process.env.DATABASE_URL ? 'postgres' : 'pglite';

let template: Promise<Blob> | undefined;

/** A migrated PGlite snapshot made once per worker; each test database starts from a copy. */
function pgliteTemplate(): Promise<Blob> {
  template ??= (async () => {
    const db = await openPglite(undefined);
    await migrate(db);
    const dump = await db.snapshot!();
    await db.close();
    return dump;
  })();
  return template;
}

export interface TestDb {
  db: Db;
  /** A connection string for code that opens its own connection (PostgreSQL only). */
  url: string | undefined;
  close(): Promise<void>;
}

/** A fresh, migrated database for one test file: an in-memory PGlite, or a new PostgreSQL database. */
export async function createTestDb(): Promise<TestDb> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const db = await openPglite(undefined, { loadDataDir: await pgliteTemplate() });
    await migrate(db);
    return { db, url: undefined, close: () => db.close() };
  }
  const name = `dops_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = await openPostgres(url.toString(), { max: 5 });
  await migrate(db);
  return {
    db,
    url: url.toString(),
    async close() {
      await db.close();
      const a = new pg.Client({ connectionString: serverUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}
