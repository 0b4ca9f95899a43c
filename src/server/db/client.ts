import fs from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

export type Engine = 'pglite' | 'postgres';

export interface QueryResult<T> {
  rows: T[];
  rowCount: number;
}

/** What a repository needs: parameterised SQL, the same text on both engines. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<T>>;
  /** Runs several statements separated by semicolons, without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly engine: Engine;
  /** Runs fn in one transaction; it commits when fn resolves and rolls back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** PGlite only: the whole data directory as a tarball (tests start each database from one). */
  snapshot?(): Promise<Blob>;
  /**
   * PostgreSQL only: a connection of its own, outside the pool, for session state that must stay
   * on one connection (advisory locks, LISTEN). `lost` fires once if the server drops it.
   */
  openDedicated?(): Promise<DedicatedConnection>;
}

export interface DedicatedConnection extends Queryable {
  /** Notifications sent with NOTIFY / pg_notify on channels this connection LISTENs to. */
  onNotification(listener: (channel: string, payload: string) => void): void;
  readonly lost: Promise<Error>;
  close(): Promise<void>;
}

// Both engines return the same JavaScript shapes: bigint counts as numbers, dates as
// 'YYYY-MM-DD' strings (a school day is not an instant), numeric as strings, timestamps as Date.
const INT8 = 20;
const DATE = 1082;
const NUMERIC = 1700;

function pgliteParsers() {
  return {
    [INT8]: (v: string) => Number(v),
    [DATE]: (v: string) => v,
    [NUMERIC]: (v: string) => v,
  };
}

export async function openPglite(dataDir: string | undefined, opts: { loadDataDir?: Blob } = {}): Promise<Db> {
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  // Loaded only when used: a server on PostgreSQL never pays the embedded engine's ~50 MB.
  const [{ PGlite }, { pg_trgm }] = await Promise.all([import('@electric-sql/pglite'), import('@electric-sql/pglite/contrib/pg_trgm')]);
  const db = await PGlite.create({
    dataDir,
    loadDataDir: opts.loadDataDir,
    extensions: { pg_trgm },
    parsers: pgliteParsers(),
  });
  const wrap = (q: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async query<T>(sql: string, params?: unknown[]) {
      const r = await q.query<T>(sql, params as unknown[]);
      return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
  });
  const base = wrap(db);
  return {
    engine: 'pglite',
    query: (sql, params) => base.query(sql, params),
    exec: (sql) => base.exec(sql),
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
    close: () => db.close(),
    snapshot: async () => db.dumpDataDir('none'),
  };
}

let pgTypesConfigured = false;
function configurePgTypes() {
  if (pgTypesConfigured) return;
  pg.types.setTypeParser(INT8, (v) => Number(v));
  pg.types.setTypeParser(DATE, (v) => v);
  pgTypesConfigured = true;
}

export async function openPostgres(url: string, opts: { max?: number } = {}): Promise<Db> {
  configurePgTypes();
  const pool = new pg.Pool({ connectionString: url, max: opts.max ?? 10 });
  // An idle connection the server ends (a restart, a failover, an administrator's terminate)
  // is an 'error' event on the pool; unhandled, it would crash the process. The pool has already
  // discarded that connection and opens a new one for the next query, which is all we need.
  pool.on('error', () => undefined);
  // Fail at boot, with the server's own message, rather than on the first request.
  const probe = await pool.connect();
  probe.release();
  const wrap = (c: pg.Pool | pg.PoolClient | pg.Client): Queryable => ({
    async query<T>(sql: string, params?: unknown[]) {
      const r = await c.query(sql, params);
      return { rows: r.rows as T[], rowCount: r.rowCount ?? r.rows.length };
    },
    async exec(sql: string) {
      await c.query(sql);
    },
  });
  const base = wrap(pool);
  return {
    engine: 'postgres',
    query: (sql, params) => base.query(sql, params),
    exec: (sql) => base.exec(sql),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
    async openDedicated() {
      const client = new pg.Client({ connectionString: url });
      let closing = false;
      const lost = new Promise<Error>((resolve) => {
        client.on('error', (err) => resolve(err));
        client.on('end', () => resolve(new Error(closing ? 'closed' : 'the database closed the connection')));
      });
      await client.connect();
      return {
        ...wrap(client),
        onNotification: (listener) => client.on('notification', (n) => listener(n.channel, n.payload ?? '')),
        lost,
        async close() {
          closing = true;
          await client.end();
        },
      };
    },
  };
}

export interface OpenDbOptions {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
}

export async function openDb(opts: OpenDbOptions): Promise<Db> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl);
  return openPglite(opts.dataDir ? path.join(opts.dataDir, 'pgdata') : undefined);
}
