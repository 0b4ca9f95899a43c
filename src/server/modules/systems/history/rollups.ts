import type { Queryable } from '../../../db/client';

/**
 * Bounded history: raw results for a few days, then minute, hour and day rollups, each kept
 * for its own period. At 1,000 checks every 60 s the defaults hold about 2 days × 1.44 M raw
 * rows, 7 days of minutes, 90 days of hours and 400 days of days.
 */
export interface Retention {
  rawDays: number;
  minuteDays: number;
  hourDays: number;
  dayDays: number;
}
export const defaultRetention: Retention = { rawDays: 2, minuteDays: 7, hourDays: 90, dayDays: 400 };

const DAY = 86_400_000;
const UNIT = { minute: 60_000, hour: 3_600_000, day: DAY } as const;
type Resolution = keyof typeof UNIT;

const floorTo = (ms: number, unit: number) => Math.floor(ms / unit) * unit;

/**
 * Recomputes whole buckets from `since` up to the last complete one (results may arrive a
 * check timeout late, hence the lag). Idempotent: a bucket written twice has the same totals,
 * so a restart that starts further back does no harm.
 */
async function rollUp(db: Queryable, resolution: Resolution, since: number, now: number): Promise<number> {
  const unit = UNIT[resolution];
  const from = new Date(floorTo(since, unit));
  const to = new Date(floorTo(now - 2 * 60_000, unit));
  if (to <= from) return from.getTime();
  const source =
    resolution === 'minute'
      ? `SELECT district_id, check_id, date_trunc('minute', at, 'UTC') AS b, count(*)::int AS total, (count(*) FILTER (WHERE ok))::int AS ok,
                coalesce(sum(latency_ms), 0) AS latency_sum, coalesce(max(latency_ms), 0) AS latency_max
           FROM check_results WHERE at >= $1 AND at < $2 GROUP BY 1, 2, 3`
      : `SELECT district_id, check_id, date_trunc('${resolution}', bucket, 'UTC') AS b, sum(total)::int AS total, sum(ok)::int AS ok,
                sum(latency_sum) AS latency_sum, max(latency_max) AS latency_max
           FROM check_rollups WHERE resolution = '${resolution === 'hour' ? 'minute' : 'hour'}' AND bucket >= $1 AND bucket < $2 GROUP BY 1, 2, 3`;
  await db.query(
    `INSERT INTO check_rollups (district_id, check_id, resolution, bucket, total, ok, latency_sum, latency_max)
     SELECT district_id, check_id, '${resolution}', b, total, ok, latency_sum, latency_max FROM (${source}) s
     ON CONFLICT (check_id, resolution, bucket) DO UPDATE
       SET total = excluded.total, ok = excluded.ok, latency_sum = excluded.latency_sum, latency_max = excluded.latency_max`,
    [from, to],
  );
  return to.getTime();
}

/**
 * The module's tables whose planner statistics the keeper refreshes. PGlite runs no autovacuum, so
 * without this they would have none: the board's read of a thousand systems then ran as nested loops
 * over half a million row pairs (79 ms instead of 7). On PostgreSQL it repeats autovacuum's work, cheaply.
 */
const planned = ['systems', 'system_checks', 'system_dependencies', 'system_alert_states', 'check_results', 'check_rollups'];
const ANALYZE_EVERY_MS = 60 * 60_000;

/**
 * Keeps the rollups current, the tables bounded and their statistics fresh (hourly, and on the
 * first run); the watermarks live in memory (see rollUp).
 */
export function createHistoryKeeper(db: Queryable, retention: Retention = defaultRetention) {
  const mark: Partial<Record<Resolution, number>> = {};
  let analyzedAt: number | undefined;
  return {
    async run(now = Date.now()): Promise<void> {
      mark.minute = await rollUp(db, 'minute', mark.minute ?? now - retention.rawDays * DAY, now);
      mark.hour = await rollUp(db, 'hour', mark.hour ?? now - retention.minuteDays * DAY, now);
      mark.day = await rollUp(db, 'day', mark.day ?? now - retention.hourDays * DAY, now);
      await db.query('DELETE FROM check_results WHERE at < $1', [new Date(now - retention.rawDays * DAY)]);
      for (const [resolution, days] of [
        ['minute', retention.minuteDays],
        ['hour', retention.hourDays],
        ['day', retention.dayDays],
      ] as const) {
        await db.query('DELETE FROM check_rollups WHERE resolution = $1 AND bucket < $2', [resolution, new Date(now - days * DAY)]);
      }
      if (analyzedAt === undefined || now - analyzedAt >= ANALYZE_EVERY_MS) {
        analyzedAt = now;
        await db.query(`ANALYZE ${planned.join(', ')}`);
      }
    },
  };
}
