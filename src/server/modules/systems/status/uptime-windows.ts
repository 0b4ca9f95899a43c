import type { Queryable } from '../../../db/client';
import type { UptimeView } from '../../../../shared/api/system-views';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * 24-hour, 30-day and (unless `quarter: false`) 90-day uptime per system, read from the coarsest
 * history that covers each stretch: day rollups up to the newest rolled-up day, hour rollups
 * after it, raw results after the newest rolled-up hour. The 24-hour window skips day rollups (a
 * day bucket would overhang it). Each source is read once, every window counted in the same
 * pass: the status board asks every 30 s for a thousand systems, so this reads about a hundred
 * thousand rows where hour rollups alone would be over two million. `systemId` narrows it to one system.
 */
export async function uptimeWindows(
  db: Queryable,
  districtId: string,
  o: { now?: number; systemId?: string; quarter?: boolean } = {},
): Promise<Map<string, UptimeView>> {
  const now = o.now ?? Date.now();
  const quarter = o.quarter ?? true;
  const params: unknown[] = [
    districtId,
    new Date(now),
    new Date(now - DAY),
    new Date(now - 30 * DAY),
    new Date(now - (quarter ? 90 : 30) * DAY),
  ];
  let only = '';
  if (o.systemId !== undefined) {
    params.push(o.systemId);
    only = ' AND check_id IN (SELECT id FROM system_checks WHERE district_id = $1 AND system_id = $6)';
  }
  // $3, $4, $5: the starts of the 24-hour, 30-day and longest windows; wm.d and wm.h: where day and hour rollups end.
  const sums = (at: string, total: string, ok: string, starts: [string, string, string]) =>
    starts
      .map((s, i) => `sum(${total}) FILTER (WHERE ${at} >= ${s}) AS t${i}, sum(${ok}) FILTER (WHERE ${at} >= ${s}) AS o${i}`)
      .join(', ');
  const { rows } = await db.query<{ system_id: string; t0: number; o0: number; t1: number; o1: number; t2: number; o2: number }>(
    `WITH wm AS (
       SELECT (SELECT max(bucket) FROM check_rollups WHERE district_id = $1 AND resolution = 'day') + interval '1 day' AS d,
              (SELECT max(bucket) FROM check_rollups WHERE district_id = $1 AND resolution = 'hour') + interval '1 hour' AS h
     ), days AS (
       SELECT r.check_id, NULL::bigint AS t0, NULL::bigint AS o0,
              sum(r.total) FILTER (WHERE r.bucket >= $4) AS t1, sum(r.ok) FILTER (WHERE r.bucket >= $4) AS o1,
              sum(r.total) AS t2, sum(r.ok) AS o2
         FROM check_rollups r, wm
        WHERE r.district_id = $1 AND r.resolution = 'day' AND r.bucket >= $5 AND r.bucket < wm.d${only}
        GROUP BY r.check_id
     ), hours AS (
       SELECT r.check_id, ${sums('r.bucket', 'r.total', 'r.ok', ['$3', 'greatest($4, wm.d)', 'greatest($5, wm.d)'])}
         FROM check_rollups r, wm
        WHERE r.district_id = $1 AND r.resolution = 'hour' AND r.bucket >= least($3, greatest($5, wm.d)) AND r.bucket < wm.h${only}
        GROUP BY r.check_id
     ), raw AS (
       SELECT x.check_id, ${sums('x.at', '1', 'CASE WHEN x.ok THEN 1 ELSE 0 END', ['greatest($3, wm.h)', 'greatest($4, wm.d, wm.h)', 'greatest($5, wm.d, wm.h)'])}
         FROM check_results x, wm
        WHERE x.district_id = $1 AND x.at >= least(greatest($3, wm.h), greatest($5, wm.d, wm.h)) AND x.at <= $2${only}
        GROUP BY x.check_id
     ), parts AS (
       SELECT * FROM days UNION ALL SELECT * FROM hours UNION ALL SELECT * FROM raw
     )
     SELECT c.system_id,
            coalesce(sum(p.t0), 0)::int AS t0, coalesce(sum(p.o0), 0)::int AS o0,
            coalesce(sum(p.t1), 0)::int AS t1, coalesce(sum(p.o1), 0)::int AS o1,
            coalesce(sum(p.t2), 0)::int AS t2, coalesce(sum(p.o2), 0)::int AS o2
       FROM parts p JOIN system_checks c ON c.id = p.check_id
      WHERE c.district_id = $1
      GROUP BY c.system_id`,
    params,
  );
  const ratio = (total: number, ok: number) => (total > 0 ? ok / total : null);
  return new Map(
    rows.map((r) => [r.system_id, { day: ratio(r.t0, r.o0), month: ratio(r.t1, r.o1), quarter: quarter ? ratio(r.t2, r.o2) : null }]),
  );
}
