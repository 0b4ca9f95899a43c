import type { Queryable } from '../../../db/client';

export interface Uptime {
  systemId: string;
  day: number | null;
  month: number | null;
  quarter: number | null;
}

const DAY = 86_400_000;

/**
 * Share of successful results per system over 24 hours, 30 and 90 days: hour rollups up to
 * the newest rolled-up hour, raw results after it. Null when nothing was measured.
 */
export async function systemUptime(db: Queryable, districtId: string, now = Date.now()): Promise<Uptime[]> {
  const { rows: wm } = await db.query<{ b: Date | null }>(
    "SELECT max(bucket) AS b FROM check_rollups WHERE resolution = 'hour' AND district_id = $1",
    [districtId],
  );
  const cutoff = wm[0]?.b ? new Date(wm[0].b.getTime() + 3_600_000) : new Date(now - 90 * DAY);
  const { rows } = await db.query<{ system_id: string; w: number; total: number; ok: number }>(
    `WITH samples AS (
       SELECT c.system_id, r.bucket AS at, r.total, r.ok FROM check_rollups r JOIN system_checks c ON c.id = r.check_id
        WHERE r.district_id = $1 AND r.resolution = 'hour' AND r.bucket >= $2 AND r.bucket < $3
       UNION ALL
       SELECT c.system_id, x.at, 1, CASE WHEN x.ok THEN 1 ELSE 0 END FROM check_results x JOIN system_checks c ON c.id = x.check_id
        WHERE x.district_id = $1 AND x.at >= greatest($2, $3) AND x.at <= $4
     ), windows(w, since) AS (VALUES (1, $5::timestamptz), (30, $6::timestamptz), (90, $2::timestamptz))
     SELECT s.system_id, windows.w, sum(s.total)::int AS total, sum(s.ok)::int AS ok
       FROM samples s JOIN windows ON s.at >= windows.since GROUP BY 1, 2`,
    [districtId, new Date(now - 90 * DAY), cutoff, new Date(now), new Date(now - DAY), new Date(now - 30 * DAY)],
  );
  const out = new Map<string, Uptime>();
  for (const r of rows) {
    const u = out.get(r.system_id) ?? { systemId: r.system_id, day: null, month: null, quarter: null };
    const ratio = r.total > 0 ? r.ok / r.total : null;
    if (r.w === 1) u.day = ratio;
    else if (r.w === 30) u.month = ratio;
    else u.quarter = ratio;
    out.set(r.system_id, u);
  }
  return [...out.values()];
}
