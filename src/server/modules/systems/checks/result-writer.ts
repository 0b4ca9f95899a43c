import type { Queryable } from '../../../db/client';
import type { CheckState } from '../../../../shared/api/systems';

/** One attempt's result and the check's state after it, as the database records them. */
export interface ResultWrite {
  districtId: string;
  checkId: string;
  at: number;
  ok: boolean;
  latencyMs: number | null;
  message: string;
  state: CheckState;
  failures: number;
  firstFailureAt: number | null;
}

const BATCH_MS = 250;
const BATCH_MAX = 500;

/**
 * Results are written in batches — one statement per quarter second or 500 results — rather
 * than one round trip each: at 10,000 checks a minute the per-statement cost, not the data,
 * is what the database would spend its time on. The in-memory state is the truth between
 * flushes; `flush()` is awaited before anything reads the database's view (status evaluation).
 * A crash loses at most one batch of results, which the next runs replace.
 */
export function createResultWriter(db: Queryable, onError: (err: unknown) => void) {
  let pending: ResultWrite[] = [];
  let timer: NodeJS.Timeout | undefined;
  let flushing: Promise<void> = Promise.resolve();

  async function write(batch: ResultWrite[]): Promise<void> {
    // A check's last result wins the update; every result is kept in the history.
    const last = new Map<string, ResultWrite>();
    for (const w of batch) last.set(w.checkId, w);
    const latest = [...last.values()];
    const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
    await db.query(
      `WITH r AS (
         INSERT INTO check_results (district_id, check_id, at, ok, latency_ms, message)
         SELECT u.* FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[], $4::boolean[], $5::int[], $6::text[]) AS u(d, c, a, o, l, m)
          WHERE EXISTS (SELECT 1 FROM system_checks s WHERE s.id = u.c)) -- a check deleted since it ran has no history
       UPDATE system_checks c SET state = u.state, consecutive_failures = u.failures, first_failure_at = u.first_failure_at,
              last_checked_at = u.at, last_latency_ms = u.latency, last_message = u.message,
              state_since = CASE WHEN c.state = u.state THEN c.state_since ELSE u.at END
         FROM unnest($7::uuid[], $8::timestamptz[], $9::int[], $10::text[], $11::text[], $12::int[], $13::timestamptz[])
              AS u(id, at, latency, message, state, failures, first_failure_at)
        WHERE c.id = u.id`,
      [
        batch.map((w) => w.districtId),
        batch.map((w) => w.checkId),
        batch.map((w) => iso(w.at)),
        batch.map((w) => w.ok),
        batch.map((w) => w.latencyMs),
        batch.map((w) => w.message),
        latest.map((w) => w.checkId),
        latest.map((w) => iso(w.at)),
        latest.map((w) => w.latencyMs),
        latest.map((w) => w.message),
        latest.map((w) => w.state),
        latest.map((w) => w.failures),
        latest.map((w) => iso(w.firstFailureAt)),
      ],
    );
  }

  function flush(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (pending.length > 0) {
      const batch = pending;
      pending = [];
      flushing = flushing.then(() => write(batch)).catch(onError);
    }
    return flushing;
  }

  return {
    add(w: ResultWrite): void {
      pending.push({ ...w, message: w.message.slice(0, 1000) });
      if (pending.length >= BATCH_MAX) void flush();
      else if (!timer) {
        timer = setTimeout(() => void flush(), BATCH_MS);
        timer.unref();
      }
    },
    flush,
  };
}
