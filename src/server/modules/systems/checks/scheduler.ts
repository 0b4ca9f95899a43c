import { hashToken } from '../spec-support';
import { MinHeap } from './min-heap';
import type { CheckOutcome } from './outcome';
import { createResultWriter } from './result-writer';
import { graceOf, heartbeatDueBy, nextState, runCheck, type LiveCheck } from './run-check';
import { createLatenessHistogram } from './lateness';
import { readCheckRows } from './check-rows';
import type { CheckScheduler, SchedulerOptions } from './scheduler-types';

const RETRY_MS = 20_000;
const MAX_SLEEP_MS = 1000;
const FIRST_RUN_SPREAD_MS = 15_000;
// With many checks the first runs spread wider (up to a whole interval), about 50 starts a second.
const SPREAD_PER_CHECK_MS = 20;
// While checks run in real time, states that changed are evaluated at most once a second. Ticks
// come every few ms when a thousand checks start (or an outage fails them all): evaluating the
// whole district after each would run evaluations back to back, each loading every system.
const EVALUATE_EVERY_MS = 1000;
// In real time, checks start on a half-second grid: those due within the same half second start
// together, and the process wakes once for them (their connections, answers and the batch of
// results that records them come in one burst) rather than once each. On a small VM a check's
// CPU is mostly the waking (caches and the vCPU gone cold since the last one): the bench's 1,000
// checks a minute, one every 20 ms, took ~0.9 ms of CPU each; ~0.5 ms on the grid
// (docs/ARCHITECTURE.md, "Systems & status speed"). A run is at most 500 ms later than its
// interval asks; lateness is measured against the grid time, when the check was due to start.
const SLOT_MS = 500;

export function createScheduler(o: SchedulerOptions): CheckScheduler {
  const concurrency = o.concurrency ?? 32;
  const random = o.random ?? Math.random;
  const checks = new Map<string, LiveCheck & { version: number; nextAt: number; running: boolean; specText: string }>();
  let heap = new MinHeap();
  let ready: string[] = [];
  const inFlight = new Set<Promise<void>>();
  const changed = new Set<string>();
  const lateness = createLatenessHistogram();
  const writer = createResultWriter(o.db, (err) => o.onError(err));
  let evaluation: Promise<void> = Promise.resolve();
  let queued: Set<string> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let nextEvaluationAt = 0;
  let stopped = true;

  const schedule = (id: string, when: number) => {
    const c = checks.get(id);
    if (!c) return;
    // Driven by hand (tests, before start), times stay exact.
    const at = stopped ? when : Math.ceil(when / SLOT_MS) * SLOT_MS;
    c.nextAt = at;
    c.version++;
    heap.push({ at, id, version: c.version });
  };

  async function apply(c: LiveCheck & { nextAt: number }, at: number, outcome: CheckOutcome): Promise<boolean> {
    const next = nextState(c, outcome, at);
    const stateChanged = next.state !== c.state;
    writer.add({
      districtId: c.districtId,
      checkId: c.id,
      at,
      ok: outcome.ok,
      latencyMs: outcome.latencyMs,
      message: outcome.message,
      state: next.state,
      failures: next.failures,
      firstFailureAt: next.firstFailureAt,
    });
    Object.assign(c, { state: next.state, failures: next.failures, firstFailureAt: next.firstFailureAt });
    if (stateChanged) changed.add(c.districtId);
    return next.retrySoon;
  }

  async function execute(id: string, now: number): Promise<void> {
    const c = checks.get(id);
    if (!c) return;
    c.running = true;
    const scheduledAt = c.nextAt;
    lateness.record(Math.max(0, now - scheduledAt));
    try {
      if (c.spec.type === 'heartbeat') await readBeat(c);
      const outcome = await runCheck(c, now);
      if (!checks.has(id)) return; // deleted while it ran
      const retrySoon = await apply(c, now, outcome);
      const interval = c.spec.interval;
      let at = retrySoon ? now + Math.min(interval, RETRY_MS) : Math.max(scheduledAt + interval, now + 1000);
      // A healthy heartbeat needs no look until its beat is overdue.
      if (c.spec.type === 'heartbeat' && c.state !== 'down') at = Math.max(now + 10_000, heartbeatDueBy(c) + 1);
      schedule(id, at);
    } catch (err) {
      o.onError(err);
      schedule(id, now + c.spec.interval);
    } finally {
      c.running = false;
    }
  }

  /** A beat may have reached another server (PostgreSQL, several servers): the database has the latest. */
  async function readBeat(c: LiveCheck) {
    const { rows } = await o.db.query<{ last_beat_at: Date | null }>('SELECT last_beat_at FROM system_checks WHERE id = $1', [c.id]);
    const beat = rows[0]?.last_beat_at?.getTime();
    if (beat !== undefined && beat > (c.lastBeatAt ?? 0)) c.lastBeatAt = beat;
  }

  /** `now` undefined: real time, each check stamped when it actually starts (honest lateness). */
  function pump(now: number | undefined) {
    while (ready.length > 0 && inFlight.size < concurrency) {
      const id = ready.shift()!;
      const p = execute(id, now ?? Date.now()).finally(() => {
        inFlight.delete(p);
        pump(now);
        // A burst's last check done: its results go now, in the same waking, not a timer's later.
        if (now === undefined && inFlight.size === 0) void writer.flush();
      });
      inFlight.add(p);
    }
  }

  function dispatch(now: number, realTime: boolean): number {
    let n = 0;
    for (let top = heap.peek(); top && top.at <= now; top = heap.peek()) {
      heap.pop();
      const c = checks.get(top.id);
      if (!c || c.version !== top.version) continue; // superseded entry
      if (c.running) {
        schedule(c.id, now + c.spec.interval);
        continue;
      }
      ready.push(c.id);
      n++;
    }
    pump(realTime ? undefined : now);
    return n;
  }

  function flushChanges(now: number): Promise<void> {
    if (changed.size === 0) return evaluation;
    // An evaluation already waiting takes these districts too: at 10,000 checks the ticks would
    // otherwise queue evaluations faster than they run.
    if (queued) {
      for (const d of changed) queued.add(d);
      changed.clear();
      return evaluation;
    }
    const districts = new Set(changed);
    changed.clear();
    queued = districts;
    // The evaluation reads check states from the database: write the pending results first.
    evaluation = evaluation
      .then(() => {
        queued = undefined;
        return writer.flush();
      })
      .then(() => o.onStateChange(districts, now))
      .catch((err: unknown) => o.onError(err));
    return evaluation;
  }

  async function settle(now: number) {
    while (inFlight.size > 0 || ready.length > 0) await Promise.all([...inFlight]);
    await flushChanges(now);
    await writer.flush();
  }

  function tick() {
    timer = undefined;
    if (stopped) return;
    const now = Date.now();
    dispatch(now, true);
    if (now >= nextEvaluationAt) {
      nextEvaluationAt = now + EVALUATE_EVERY_MS;
      void Promise.all([...inFlight]).then(() => flushChanges(Date.now()));
    }
    const next = heap.peek()?.at ?? now + MAX_SLEEP_MS;
    timer = setTimeout(tick, Math.max(0, Math.min(next - now, MAX_SLEEP_MS)));
  }

  return {
    async load(now = Date.now()) {
      await writer.flush();
      const rows = await readCheckRows(o.db);
      const seen = new Set<string>();
      for (const r of rows) {
        seen.add(r.id);
        const prev = checks.get(r.id);
        if (prev && prev.specText === r.spec_text) {
          // A beat recorded by another server: a missed heartbeat recovers now, not at its next look.
          const beat = r.last_beat_at?.getTime();
          if (beat !== undefined && beat > (prev.lastBeatAt ?? 0)) {
            prev.lastBeatAt = beat;
            if (prev.state !== 'up' && !prev.running) schedule(r.id, now);
          }
          continue;
        }
        const interval = r.spec.interval;
        const spread = Math.min(interval, Math.max(FIRST_RUN_SPREAD_MS, rows.length * SPREAD_PER_CHECK_MS));
        const last = r.last_checked_at?.getTime();
        // Spread first runs so a thousand imported checks do not fire in the same millisecond.
        const first = last !== undefined && last + interval > now ? last + interval : now + Math.floor(random() * spread);
        checks.set(r.id, {
          id: r.id,
          districtId: r.district_id,
          systemId: r.system_id,
          key: r.key,
          spec: r.spec,
          specText: r.spec_text,
          state: r.state,
          failures: r.consecutive_failures,
          firstFailureAt: r.first_failure_at?.getTime() ?? null,
          lastBeatAt: r.last_beat_at?.getTime() ?? null,
          createdAt: r.created_at.getTime(),
          version: prev ? prev.version : 0,
          nextAt: first,
          running: false,
        });
        schedule(r.id, r.spec.type === 'heartbeat' ? Math.max(first, heartbeatDueBy(checks.get(r.id)!) + 1) : first);
      }
      for (const id of checks.keys()) if (!seen.has(id)) checks.delete(id);
    },

    async runDueChecks(now = Date.now()) {
      const n = dispatch(now, false);
      await settle(now);
      return n;
    },

    async beat(token, now = Date.now()) {
      const { rows } = await o.db.query<{ id: string }>(
        'UPDATE system_checks SET last_beat_at = $2 WHERE heartbeat_token_hash = $1 RETURNING id',
        [hashToken(token), new Date(now)],
      );
      const id = rows[0]?.id;
      if (!id) return false;
      const c = checks.get(id);
      if (c) {
        c.lastBeatAt = now;
        // A beat after a miss is a recovery: say so now, not at the next scheduled look.
        if (c.state !== 'up') await apply(c, now, { ok: true, latencyMs: null, message: 'beat received' });
        schedule(id, now + c.spec.interval + graceOf(c.spec) + 1);
        await flushChanges(now);
      }
      return true;
    },

    live: () => checks,

    start() {
      if (!stopped) return;
      stopped = false;
      tick();
    },

    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await Promise.all([...inFlight]);
      await evaluation;
      await writer.flush();
    },

    forget() {
      checks.clear();
      heap = new MinHeap();
      ready = [];
    },

    stats() {
      return { checks: checks.size, running: inFlight.size, ...lateness.summary() };
    },

    resetStats() {
      lateness.reset();
    },
  };
}
