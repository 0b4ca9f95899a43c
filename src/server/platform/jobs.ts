import { randomUUID } from 'node:crypto';
import type { Db, Queryable } from '../db/client';

/**
 * A small persistent job queue in the `jobs` table, the same code on PGlite and PostgreSQL.
 * Jobs survive restarts, retry with exponential backoff and end in `dead` (the dead-letter
 * state) after max_attempts. Workers claim with FOR UPDATE SKIP LOCKED, so several server
 * processes on one PostgreSQL database share the work without taking a job twice.
 */
export type JobState = 'queued' | 'active' | 'completed' | 'failed' | 'dead';

export interface Job<P = unknown> {
  id: string;
  districtId: string | null;
  queue: string;
  payload: P;
  state: JobState;
  attempts: number;
  maxAttempts: number;
  progress: unknown;
  result: unknown;
  lastError: string | null;
  createdAt: string;
  completedAt: string | null;
}

interface JobRow {
  id: string;
  district_id: string | null;
  queue: string;
  payload: unknown;
  state: JobState;
  attempts: number;
  max_attempts: number;
  progress: unknown;
  result: unknown;
  last_error: string | null;
  created_at: Date;
  completed_at: Date | null;
}

function toJob<P>(r: JobRow): Job<P> {
  return {
    id: r.id,
    districtId: r.district_id,
    queue: r.queue,
    payload: r.payload as P,
    state: r.state,
    attempts: r.attempts,
    maxAttempts: r.max_attempts,
    progress: r.progress,
    result: r.result,
    lastError: r.last_error,
    createdAt: r.created_at.toISOString(),
    completedAt: r.completed_at?.toISOString() ?? null,
  };
}

export interface JobContext {
  /** Records progress that the UI can show (for example `{ done: 4000, total: 100000 }`). */
  progress(value: unknown): Promise<void>;
}

export type JobHandler<P = unknown> = (job: Job<P>, ctx: JobContext) => Promise<unknown>;

export interface EnqueueOptions {
  districtId?: string | null;
  runAt?: Date;
  maxAttempts?: number;
}

export interface JobQueue {
  enqueue(queue: string, payload: unknown, opts?: EnqueueOptions, tx?: Queryable): Promise<string>;
  work<P>(queue: string, handler: JobHandler<P>, opts?: { concurrency?: number }): void;
  get(id: string): Promise<Job | undefined>;
  /** Processes ready jobs of the registered queues until none is left; returns how many ran. */
  drain(): Promise<number>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface JobQueueOptions {
  pollMs?: number;
  /** An active job whose worker has been silent this long is taken to be orphaned and re-queued. */
  staleAfterMs?: number;
  backoffBaseMs?: number;
  onError?: (err: unknown, job: Job) => void;
}

export function createJobQueue(db: Db, opts: JobQueueOptions = {}): JobQueue {
  const workerId = randomUUID();
  const pollMs = opts.pollMs ?? 1000;
  const staleAfterMs = opts.staleAfterMs ?? 15 * 60_000;
  const backoffBaseMs = opts.backoffBaseMs ?? 2000;
  const handlers = new Map<string, { handler: JobHandler; concurrency: number; running: number }>();
  let timer: NodeJS.Timeout | undefined;
  let stopping = false;
  const inFlight = new Set<Promise<unknown>>();

  async function claim(queue: string): Promise<JobRow | undefined> {
    const { rows } = await db.query<JobRow>(
      `UPDATE jobs SET state = 'active', attempts = attempts + 1, locked_at = now(), locked_by = $2
        WHERE id = (SELECT id FROM jobs WHERE queue = $1 AND state IN ('queued', 'failed') AND run_at <= now()
                     ORDER BY run_at LIMIT 1 FOR UPDATE SKIP LOCKED)
        RETURNING *`,
      [queue, workerId],
    );
    return rows[0];
  }

  async function run(row: JobRow): Promise<void> {
    const job = toJob(row);
    const entry = handlers.get(row.queue)!;
    try {
      const result = await entry.handler(job, {
        progress: async (value) => {
          await db.query('UPDATE jobs SET progress = $2, locked_at = now() WHERE id = $1', [row.id, JSON.stringify(value)]);
        },
      });
      await db.query(
        `UPDATE jobs SET state = 'completed', result = $2, completed_at = now(), locked_at = NULL, locked_by = NULL WHERE id = $1`,
        [row.id, JSON.stringify(result ?? null)],
      );
    } catch (err) {
      opts.onError?.(err, job);
      const message = err instanceof Error ? err.message : String(err);
      const dead = row.attempts >= row.max_attempts;
      const delay = backoffBaseMs * 2 ** (row.attempts - 1);
      await db.query(
        `UPDATE jobs SET state = $2, last_error = $3, locked_at = NULL, locked_by = NULL,
                run_at = now() + make_interval(secs => $4), completed_at = CASE WHEN $2 = 'dead' THEN now() END
          WHERE id = $1`,
        [row.id, dead ? 'dead' : 'failed', message.slice(0, 4000), delay / 1000],
      );
    }
  }

  // On PGlite only this process can hold the database, so every active job at start was orphaned
  // by a previous run; on PostgreSQL another server may be working, so only silent ones are taken.
  async function recoverStale(atStart: boolean) {
    const everyActive = atStart && db.engine === 'pglite';
    await db.query(
      `UPDATE jobs SET state = CASE WHEN attempts >= max_attempts THEN 'dead' ELSE 'failed' END,
              locked_at = NULL, locked_by = NULL, last_error = 'the worker stopped while running this job'
        WHERE state = 'active' AND ($2 OR locked_at < now() - make_interval(secs => $1))`,
      [staleAfterMs / 1000, everyActive],
    );
  }
  let lastRecovery = Date.now();

  async function tick(): Promise<number> {
    if (Date.now() - lastRecovery > 60_000) {
      lastRecovery = Date.now();
      await recoverStale(false);
    }
    let started = 0;
    for (const [queue, entry] of handlers) {
      while (!stopping && entry.running < entry.concurrency) {
        const row = await claim(queue);
        if (!row) break;
        entry.running++;
        started++;
        const p = run(row).finally(() => {
          entry.running--;
          inFlight.delete(p);
        });
        inFlight.add(p);
      }
    }
    return started;
  }

  function schedule() {
    if (stopping) return;
    timer = setTimeout(() => {
      tick()
        .catch((err: unknown) => opts.onError?.(err, undefined as unknown as Job))
        .finally(schedule);
    }, pollMs);
  }

  return {
    async enqueue(queue, payload, o = {}, tx) {
      const { rows } = await (tx ?? db).query<{ id: string }>(
        `INSERT INTO jobs (district_id, queue, payload, run_at, max_attempts) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [o.districtId ?? null, queue, JSON.stringify(payload), o.runAt ?? new Date(), o.maxAttempts ?? 3],
      );
      return rows[0]!.id;
    },
    work(queue, handler, o = {}) {
      handlers.set(queue, { handler: handler as JobHandler, concurrency: o.concurrency ?? 1, running: 0 });
    },
    async get(id) {
      const { rows } = await db.query<JobRow>('SELECT * FROM jobs WHERE id = $1', [id]);
      return rows[0] ? toJob(rows[0]) : undefined;
    },
    async drain() {
      let total = 0;
      for (;;) {
        const n = await tick();
        await Promise.all([...inFlight]);
        if (n === 0) return total;
        total += n;
      }
    },
    async start() {
      stopping = false;
      await recoverStale(true);
      schedule();
    },
    async stop() {
      stopping = true;
      if (timer) clearTimeout(timer);
      await Promise.all([...inFlight]);
    },
  };
}
