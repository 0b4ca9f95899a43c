import type { Db } from '../../../db/client';
import type { LiveCheck } from './run-check';

/** The check scheduler's face (scheduler.ts): what the systems runtime and the tests drive. */

export interface SchedulerOptions {
  db: Db;
  /** Checks in flight at once: bounded so a burst does not inflate the latencies it measures. */
  concurrency?: number;
  /** Called after results that changed a check's state, with the districts concerned. */
  onStateChange(districtIds: Set<string>, now: number): Promise<void>;
  onError(err: unknown): void;
  random?: () => number;
}

export interface SchedulerStats {
  checks: number;
  running: number;
  /** Checks started since the last resetStats(). */
  runs: number;
  /** How late checks started against their schedule, in ms, since the last resetStats() (1 ms resolution up to 60 s). */
  latenessP99: number;
  latenessMax: number;
  /** Cumulative counts for a Prometheus histogram: how many runs started at most `leMs` late. */
  latenessBuckets: { leMs: number; count: number }[];
}

export interface CheckScheduler {
  /** (Re)reads the checks from the database; unchanged checks keep their place in the schedule. */
  load(now?: number): Promise<void>;
  /** Runs every check due at `now` and waits for them and for the status evaluation: tests drive time with it. */
  runDueChecks(now?: number): Promise<number>;
  /** Records a heartbeat by its secret token; false when no check has it. */
  beat(token: string, now?: number): Promise<boolean>;
  /** The checks in memory, each with when it is next due to start. */
  live(): ReadonlyMap<string, LiveCheck & { readonly nextAt: number }>;
  start(): void;
  stop(): Promise<void>;
  /** Drops every check from memory: another server leads now, and its state will be read afresh. */
  forget(): void;
  stats(): SchedulerStats;
  /** Starts the lateness figures afresh (a benchmark measures from a point on). */
  resetStats(): void;
}
