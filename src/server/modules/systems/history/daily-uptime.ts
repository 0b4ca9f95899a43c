import type { Queryable } from '../../../db/client';

export interface DayCount {
  /** 'YYYY-MM-DD', a UTC day like the day rollups. */
  date: string;
  total: number;
  ok: number;
}

const DAY = 86_400_000;

/**
 * Each system's check results per UTC day for the last `days` days, today included, in one query:
 * day rollups for the days already rolled up, hour rollups and then raw results for the rest
 * (today is never in the day rollups). Only days with results appear. The watermarks are looked
 * for inside the window, so rollups written ahead of the clock cannot hide the present.
 *
 * UTC days, because the rollups are UTC buckets; for American districts a UTC day holds the
 * whole school day, so an outage during classes lands on the date families expect.
 */
export async function dailyUptime(db: Queryable, districtId: string, o: { now: number; days: number }): Promise<Map<string, DayCount[]>> {
  const from = new Date(Math.floor(o.now / DAY) * DAY - (o.days - 1) * DAY);
  const { rows } = await db.query<{ system_id: string; date: string; total: number; ok: number }>(
    `WITH marks AS (
       SELECT (SELECT max(bucket) + interval '1 day' FROM check_rollups
                WHERE district_id = $1 AND resolution = 'day' AND bucket >= $2 AND bucket <= $3) AS day_end,
              (SELECT max(bucket) + interval '1 hour' FROM check_rollups
                WHERE district_id = $1 AND resolution = 'hour' AND bucket >= $2 AND bucket <= $3) AS hour_end
     ), samples AS (
       SELECT r.check_id, r.bucket AS at, r.total, r.ok FROM check_rollups r, marks
        WHERE r.district_id = $1 AND r.resolution = 'day' AND r.bucket >= $2 AND r.bucket < marks.day_end
       UNION ALL
       SELECT r.check_id, r.bucket, r.total, r.ok FROM check_rollups r, marks
        WHERE r.district_id = $1 AND r.resolution = 'hour' AND r.bucket >= greatest($2, marks.day_end) AND r.bucket < marks.hour_end
       UNION ALL
       SELECT x.check_id, x.at, 1, CASE WHEN x.ok THEN 1 ELSE 0 END FROM check_results x, marks
        WHERE x.district_id = $1 AND x.at >= greatest($2, marks.day_end, marks.hour_end) AND x.at <= $3
     )
     SELECT c.system_id, to_char(date_trunc('day', s.at, 'UTC'), 'YYYY-MM-DD') AS date, sum(s.total)::int AS total, sum(s.ok)::int AS ok
       FROM samples s JOIN system_checks c ON c.id = s.check_id
      GROUP BY 1, 2 ORDER BY 1, 2`,
    [districtId, from, new Date(o.now)],
  );
  const out = new Map<string, DayCount[]>();
  for (const r of rows) {
    const list = out.get(r.system_id) ?? [];
    list.push({ date: r.date, total: r.total, ok: r.ok });
    out.set(r.system_id, list);
  }
  return out;
}
