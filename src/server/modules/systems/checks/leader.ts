import type { DedicatedConnection, Db } from '../../../db/client';

/**
 * One scheduler per database. Several servers on one PostgreSQL each try for a session-level
 * advisory lock on a connection of their own; the holder runs the checks, the others retry every
 * `retryMs`. If the leader stops or its connection dies, PostgreSQL drops the lock with the
 * session and a standby takes over at its next try. A leader that cannot reach its connection
 * steps down at once, so two schedulers overlap for at most one `retryMs`.
 *
 * PGlite is one process by construction: it always leads, with no lock.
 */
export interface LeaderElection {
  readonly isLeader: boolean;
  /** Makes the first attempt before returning, so the first server up is leading when it listens. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface LeaderOptions {
  db: Db;
  /** Any 64-bit constant, distinct from other advisory locks (advisory locks are per database). */
  lockKey: number;
  retryMs?: number;
  /** A LISTEN channel the leader follows: followers tell it about changes they accepted. */
  channel?: string;
  onElected(): Promise<void>;
  onDeposed(): Promise<void>;
  onNotification?(payload: string): void;
  onError(err: unknown): void;
}

export function createLeaderElection(o: LeaderOptions): LeaderElection {
  const retryMs = o.retryMs ?? 2000;
  let conn: DedicatedConnection | undefined;
  let leading = false;
  // Leading once onElected has finished (checks loaded), so isLeader never reports an empty leader.
  let ready = false;
  let stopped = true;
  let timer: NodeJS.Timeout | undefined;
  // Every step runs in this chain, so a lost connection, a retry and a stop never interleave.
  let chain: Promise<void> = Promise.resolve();
  const enqueue = (step: () => Promise<void>) => (chain = chain.then(step).catch((err: unknown) => o.onError(err)));

  async function standDown(): Promise<void> {
    const c = conn;
    conn = undefined;
    if (leading) {
      leading = false;
      ready = false;
      await o.onDeposed();
    }
    await c?.close().catch(() => undefined);
  }

  async function attempt(): Promise<void> {
    if (stopped) return;
    try {
      if (!conn) {
        const c = await o.db.openDedicated!();
        conn = c;
        if (o.onNotification) c.onNotification((_channel, payload) => o.onNotification!(payload));
        void c.lost.then(() => {
          if (conn === c) void enqueue(standDown);
        });
      }
      if (leading) {
        await conn.query('SELECT 1'); // still connected, so still holding the lock
        return;
      }
      const { rows } = await conn.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [o.lockKey]);
      if (!rows[0]?.ok) return;
      if (o.channel) await conn.exec(`LISTEN ${o.channel}`);
      leading = true;
      await o.onElected();
      ready = true;
    } catch (err) {
      o.onError(err);
      await standDown();
    }
  }

  function loop() {
    if (stopped) return;
    timer = setTimeout(() => {
      void enqueue(attempt).then(loop);
    }, retryMs);
    timer.unref();
  }

  return {
    get isLeader() {
      return leading && ready;
    },
    async start() {
      if (!stopped) return;
      stopped = false;
      if (!o.db.openDedicated) {
        leading = true;
        await o.onElected();
        ready = true;
        return;
      }
      await enqueue(attempt);
      loop();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      // Closing the session releases the lock; a standby takes over at its next try.
      await enqueue(standDown);
    },
  };
}
