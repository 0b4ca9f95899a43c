import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/client';
import type { JobQueue } from '../../platform/jobs';
import { createLeaderElection } from './checks/leader';
import { createScheduler } from './checks/scheduler';
import type { CheckScheduler } from './checks/scheduler-types';
import { evaluateDistrict } from './status/evaluate-district';

/** The running module: the check scheduler, the status evaluation and their periodic sweeps. */
export interface SystemsRuntime {
  scheduler: CheckScheduler;
  /** Re-plans checks after the catalog changed; awaited so the next run sees the change. */
  catalogChanged(districtId: string): Promise<void>;
  evaluate(districtId: string, now?: number): Promise<void>;
  /** Every district: maintenance windows open and close without any check changing state. */
  evaluateAll(now?: number): Promise<void>;
  /** Called when a district's statuses may have changed (the public status cache listens). */
  onChange(listener: (districtId: string) => void): void;
  /** Records a heartbeat; on a standby server the leader is told, so a recovery is not left waiting. */
  beat(token: string): Promise<boolean>;
  /** Started and running the checks (one server of several on PostgreSQL; always, once started, on PGlite). */
  isLeader(): boolean;
  start(): Promise<void>;
  stop(): Promise<void>;
}

const SWEEP_MS = 30_000;
// A district is re-evaluated by the sweep at least this often even when nothing timed applies to
// it: a safety net for changes written by another process without telling (as RELOAD_MS is).
const SWEEP_ANYWAY_MS = 5 * 60_000;
// A safety net only: the API reloads at once, and the CLI on PostgreSQL notifies the leader (SYSTEMS_CHANNEL).
const RELOAD_MS = 5 * 60_000;
// Advisory locks are per database: any constant distinct from the migration lock (db/migrate.ts).
const LEADER_LOCK = 4_281_903_118;
export const SYSTEMS_CHANNEL = 'districtops_systems';
const CHANNEL = SYSTEMS_CHANNEL;

export function createSystemsRuntime(o: {
  db: Db;
  jobs: JobQueue;
  log: FastifyBaseLogger;
  periodic?: (now: number) => Promise<void>;
  /** How often a standby server tries to take over (PostgreSQL with several servers). */
  leaderRetryMs?: number;
}): SystemsRuntime {
  const listeners: ((districtId: string) => void)[] = [];
  const timers: NodeJS.Timeout[] = [];
  const onError = (err: unknown) => o.log.error({ err }, 'systems: background work failed');

  // When each district was last evaluated: the sweep skips those for which time alone changes nothing.
  const evaluatedAt = new Map<string, number>();
  const evaluate = async (districtId: string, now = Date.now()) => {
    const r = await evaluateDistrict({ db: o.db, jobs: o.jobs }, districtId, now);
    evaluatedAt.set(districtId, now);
    if (r.changed) for (const l of listeners) l(districtId);
  };

  /**
   * The periodic sweep. A check's state change is evaluated as it happens (onStateChange), so the
   * sweep is for what time alone changes: a maintenance window opening or closing, a reminder
   * falling due for an open alert. A district with neither is skipped: on a thousand quiet
   * systems, evaluating every one every 30 s loaded them all for an answer known in advance.
   */
  const sweep = async (now: number) => {
    const { rows } = await o.db.query<{ district_id: string; timed: boolean }>(
      `SELECT d.district_id,
              EXISTS (SELECT 1 FROM maintenance_windows w WHERE w.district_id = d.district_id)
              OR EXISTS (SELECT 1 FROM system_alert_states a WHERE a.district_id = d.district_id AND a.alert_open) AS timed
         FROM (SELECT DISTINCT district_id FROM systems) d`,
    );
    for (const r of rows) {
      const last = evaluatedAt.get(r.district_id);
      if (r.timed || last === undefined || now - last >= SWEEP_ANYWAY_MS) await evaluate(r.district_id, now);
    }
  };

  const scheduler = createScheduler({
    db: o.db,
    onError,
    onStateChange: async (districts, now) => {
      for (const d of districts) await evaluate(d, now);
    },
  });

  // Only the leader keeps checks in memory and runs them; before start (tests) the scheduler is
  // driven by hand, so it loads as if it led.
  let started = false;
  const standby = () => started && !election.isLeader;
  const tellLeader = (what: string) => o.db.query('SELECT pg_notify($1, $2)', [CHANNEL, what]).then(() => undefined);

  const lead = async () => {
    await scheduler.load();
    scheduler.start();
    // Checks written by another process without telling (an older CLI, a hand edit) are picked up in minutes.
    timers.push(setInterval(() => void scheduler.load().catch(onError), RELOAD_MS));
    timers.push(
      setInterval(() => {
        const now = Date.now();
        void sweep(now)
          .then(() => o.periodic?.(now))
          .catch(onError);
      }, SWEEP_MS),
    );
    for (const t of timers) t.unref();
    o.log.info('systems: this server runs the checks');
  };
  const election = createLeaderElection({
    db: o.db,
    lockKey: LEADER_LOCK,
    retryMs: o.leaderRetryMs,
    channel: CHANNEL,
    onElected: lead,
    async onDeposed() {
      for (const t of timers.splice(0)) clearInterval(t);
      await scheduler.stop();
      scheduler.forget();
    },
    onNotification: () => void scheduler.load().catch(onError),
    onError,
  });

  const runtime: SystemsRuntime = {
    scheduler,
    async catalogChanged(districtId) {
      if (standby()) await tellLeader('catalog');
      else await scheduler.load();
      await evaluate(districtId);
    },
    async beat(token) {
      const known = await scheduler.beat(token);
      if (known && standby()) await tellLeader('beat');
      return known;
    },
    isLeader: () => started && election.isLeader,
    evaluate,
    async evaluateAll(now = Date.now()) {
      const { rows } = await o.db.query<{ district_id: string }>('SELECT DISTINCT district_id FROM systems');
      for (const r of rows) await evaluate(r.district_id, now);
    },
    onChange: (l) => listeners.push(l),
    async start() {
      if (started) return;
      started = true;
      // Whatever was loaded before start belongs to the leader, which may be another server.
      scheduler.forget();
      await election.start();
    },
    async stop() {
      if (!started) return scheduler.stop();
      await election.stop();
      started = false;
    },
  };
  return runtime;
}
