import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';
import type { Queryable } from '../../db/client';
import type { CheckSpec } from '../../../shared/api/systems';
import type { Rng } from './generate-random';

dayjs.extend(utc);
dayjs.extend(timezone);

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
export const HISTORY_DAYS = 90;

/** A stretch when a system's checks failed: `share` of the results in it (1 = all). */
export interface Outage {
  systemId: string;
  from: number;
  to: number;
  share: number;
}

interface CheckRow {
  id: string;
  system_id: string;
  key: string;
  spec: CheckSpec;
}

/** Nightly jobs beat at these local times; the check looks once the grace after the expected beat has passed. */
const beatTimes: Record<string, string> = { backups: '01:10', rostering: '02:30', 'gradebook-sync': '03:15', 'state-reporting': '04:05' };

/** The most recent local `HH:mm` at or before `now` in `tz`. */
export function lastLocal(now: number, tz: string, hhmm: string): number {
  const today = dayjs.tz(`${dayjs(now).tz(tz).format('YYYY-MM-DD')} ${hhmm}`, tz);
  return (today.valueOf() <= now ? today : today.subtract(1, 'day')).valueOf();
}

/** Days at the end of the history written as hour rollups; the days before are written as day rollups. */
const HOUR_DAYS = 3;

/**
 * Ninety days of check history, so the uptime figures and the status page's daily bars have a
 * past: a result a minute (or per interval) with latencies that rise in school hours, a rare failed
 * probe, and the failures of past incidents. The last three days are hour rollups (the day ones
 * are then made from them by the history keeper, as on a running server); older days are written
 * as the day rollups the keeper would have made. Every reader takes whole past days from day
 * rollups, and 35,000 hour rows would make the demo's start seconds slower on PGlite.
 * Then each check's current state: up, last checked moments ago, heartbeats beaten last night.
 */
export async function seedCheckHistory(
  tx: Queryable,
  o: { districtId: string; now: number; timezone: string; outages: Outage[]; rng: Rng },
): Promise<void> {
  const { rows: checks } = await tx.query<CheckRow>(
    'SELECT id, system_id, key, spec FROM system_checks WHERE district_id = $1 ORDER BY id',
    [o.districtId],
  );
  const start = Math.floor(o.now / DAY) * DAY - HISTORY_DAYS * DAY;
  const hoursFrom = Math.floor(o.now / DAY) * DAY - HOUR_DAYS * DAY;
  // The keeper rolls up whole hours two minutes after they end; the hour in progress has none yet.
  const end = Math.floor((o.now - 2 * MINUTE) / HOUR) * HOUR;
  const probes = { id: [] as string[], perHour: [] as number[], base: [] as number[], salt: [] as number[] };
  // Failed results by check and bucket: an hour in the recent days, a day before them.
  const failures = new Map<string, { id: string; bucket: number; failed: number }>();
  const beats = { id: [] as string[], bucket: [] as string[], resolution: [] as string[] };
  const recovered = new Map<string, number>();
  const bucketOf = (ms: number) => (ms >= hoursFrom ? Math.floor(ms / HOUR) * HOUR : Math.floor(ms / DAY) * DAY);
  const fail = (id: string, at: number, n: number) => {
    const bucket = bucketOf(at);
    const f = failures.get(`${id} ${bucket}`) ?? { id, bucket, failed: 0 };
    f.failed += n;
    failures.set(`${id} ${bucket}`, f);
  };

  for (const c of checks) {
    const outages = o.outages.filter((x) => x.systemId === c.system_id);
    for (const x of outages) recovered.set(c.system_id, Math.max(recovered.get(c.system_id) ?? 0, x.to));
    if (c.spec.type === 'heartbeat') {
      // One look a day, when the grace after the expected beat has run out; every beat came.
      const grace = c.spec.grace ?? 0;
      for (let day = start; day < end; day += DAY) {
        const look = lastLocal(day + DAY - 1, o.timezone, beatTimes[c.system_id] ?? '02:00') + grace;
        if (look < start || look >= end) continue;
        beats.id.push(c.id);
        beats.bucket.push(new Date(bucketOf(look)).toISOString());
        beats.resolution.push(look >= hoursFrom ? 'hour' : 'day');
      }
      continue;
    }
    const perHour = Math.max(1, Math.round(HOUR / c.spec.interval));
    probes.id.push(c.id);
    probes.perHour.push(perHour);
    probes.base.push(c.spec.type === 'http' ? o.rng.int(90, 220) : o.rng.int(4, 25));
    probes.salt.push(o.rng.int(1, 999_999));
    // A few failed probes over ninety days: a slow answer past the timeout, a dropped packet.
    for (let n = o.rng.int(1, 4); n > 0; n--) fail(c.id, start + o.rng.int(0, HISTORY_DAYS * 24 - 1) * HOUR, o.rng.int(1, 2));
    for (const x of outages) {
      for (let hour = Math.floor(x.from / HOUR) * HOUR; hour < x.to; hour += HOUR) {
        const overlap = Math.min(hour + HOUR, x.to) - Math.max(hour, x.from);
        fail(c.id, hour, Math.round((perHour * x.share * overlap) / HOUR));
      }
    }
  }

  const failed = [...failures.values()].filter((f) => f.bucket >= start && f.bucket < end);
  // Latency noise is a hash of the check and the bucket, so the same seed gives the same history.
  // A day's latency is the average of its hours: school hours (7–16 on weekdays) are 1.5 times slower.
  await tx.query(
    `WITH p AS (SELECT * FROM unnest($2::uuid[], $3::int[], $4::int[], $5::int[]) AS p(id, per_hour, base, salt)),
          f AS (SELECT * FROM unnest($9::uuid[], $10::timestamptz[], $11::int[]) AS f(id, b, failed)),
          buckets AS (
            SELECT 'hour' AS resolution, b, 1 AS hours,
                   CASE WHEN extract(isodow FROM b AT TIME ZONE $8) <= 5 AND extract(hour FROM b AT TIME ZONE $8) BETWEEN 7 AND 15
                        THEN 1.5 ELSE 1 END AS load
              FROM generate_series($7::timestamptz, $12::timestamptz - interval '1 hour', interval '1 hour') AS b
            UNION ALL
            SELECT 'day', b, 24, CASE WHEN extract(isodow FROM b AT TIME ZONE $8) <= 5 THEN 1.1875 ELSE 1 END
              FROM generate_series($6::timestamptz, $7::timestamptz - interval '1 day', interval '1 day') AS b
          )
     INSERT INTO check_rollups (district_id, check_id, resolution, bucket, total, ok, latency_sum, latency_max)
     SELECT $1::uuid, p.id, k.resolution, k.b, p.per_hour * k.hours, greatest(0, p.per_hour * k.hours - coalesce(f.failed, 0)),
            round(p.per_hour * k.hours * p.base * k.load * (0.85 + 0.3 * n.a)), round(p.base * 1.5 * (1.6 + 1.4 * n.b))
       FROM p CROSS JOIN buckets k
       LEFT JOIN f ON f.id = p.id AND f.b = k.b
      CROSS JOIN LATERAL (
        SELECT ((p.salt::bigint * 7919 + extract(epoch FROM k.b)::bigint / 3600 * 104729) % 10007) / 10007.0 AS a,
               ((p.salt::bigint * 31 + extract(epoch FROM k.b)::bigint / 3600 * 7883) % 1009) / 1009.0 AS b
      ) n
     UNION ALL
     SELECT $1::uuid, h.id, h.resolution, h.b, 1, 1, 0, 0 FROM unnest($13::uuid[], $14::timestamptz[], $15::text[]) AS h(id, b, resolution)`,
    [
      o.districtId,
      probes.id,
      probes.perHour,
      probes.base,
      probes.salt,
      new Date(start),
      new Date(hoursFrom),
      o.timezone,
      failed.map((f) => f.id),
      failed.map((f) => new Date(f.bucket).toISOString()),
      failed.map((f) => f.failed),
      new Date(end),
      beats.id,
      beats.bucket,
      beats.resolution,
    ],
  );
  await setCheckStates(tx, { ...o, checks, start, recovered });
}

async function setCheckStates(
  tx: Queryable,
  o: { districtId: string; now: number; timezone: string; rng: Rng; checks: CheckRow[]; start: number; recovered: Map<string, number> },
) {
  const u = {
    id: [] as string[],
    since: [] as string[],
    checked: [] as string[],
    latency: [] as (number | null)[],
    message: [] as string[],
  };
  const beats: (string | null)[] = [];
  for (const c of o.checks) {
    const since = o.recovered.get(c.system_id) ?? o.start;
    u.id.push(c.id);
    u.since.push(new Date(since).toISOString());
    if (c.spec.type === 'heartbeat') {
      const beat = lastLocal(o.now, o.timezone, beatTimes[c.system_id] ?? '02:00');
      beats.push(new Date(beat).toISOString());
      u.checked.push(new Date(Math.min(o.now, beat + (c.spec.grace ?? 0))).toISOString());
      u.latency.push(null);
      u.message.push(`last beat ${new Date(beat).toISOString()}`);
      continue;
    }
    const latency = c.spec.type === 'http' ? o.rng.int(90, 220) : o.rng.int(4, 25);
    beats.push(null);
    u.checked.push(new Date(o.now - o.rng.int(2_000, Math.min(c.spec.interval, 60_000))).toISOString());
    u.latency.push(latency);
    u.message.push(
      c.spec.type === 'http'
        ? `HTTP 200 in ${latency} ms`
        : c.spec.type === 'tcp'
          ? `connected to ${c.spec.host}:${c.spec.port} in ${latency} ms`
          : `ok in ${latency} ms`,
    );
  }
  await tx.query(
    `UPDATE system_checks c SET state = 'up', consecutive_failures = 0, first_failure_at = NULL, state_since = u.since,
            last_checked_at = u.checked, last_latency_ms = u.latency, last_message = u.message, last_beat_at = u.beat, created_at = $2
       FROM unnest($3::uuid[], $4::timestamptz[], $5::timestamptz[], $6::int[], $7::text[], $8::timestamptz[])
            AS u(id, since, checked, latency, message, beat)
      WHERE c.id = u.id AND c.district_id = $1`,
    [o.districtId, new Date(o.start), u.id, u.since, u.checked, u.latency, u.message, beats],
  );
  await tx.query('UPDATE systems SET created_at = $2, updated_at = $2 WHERE district_id = $1', [o.districtId, new Date(o.start)]);
}
