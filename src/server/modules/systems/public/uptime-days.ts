import type { Queryable } from '../../../db/client';
import { worstStatus, type StatusPageDay } from '../../../../shared/api/status-page';
import type { SystemStatus } from '../../../../shared/api/systems';
import { dailyUptime } from '../history/daily-uptime';
import { occurrences, type MaintenanceWindowRow } from '../status/maintenance';

const DAY = 86_400_000;

/**
 * A day whose checks failed more than this share of the time (about a quarter of an hour)
 * with no incident and no maintenance still shows as a bad day: not every system opens incidents.
 */
const TROUBLE_BELOW = 0.99;

// Never show more uptime than there was: 1 failure in 30,000 is 99.99%, not 100%.
const floor4 = (n: number) => Math.floor(n * 10_000) / 10_000;

export interface SystemDays {
  days: StatusPageDay[];
  uptime: number | null;
}

/**
 * The last `days` UTC days of each listed system, oldest first, and its uptime over them: the
 * share of successful checks per day, and the worst thing each day saw.
 */
export async function systemDays(
  db: Queryable,
  o: { districtId: string; systemIds: string[]; windows: MaintenanceWindowRow[]; now: number; days: number },
): Promise<Map<string, SystemDays>> {
  const first = Math.floor(o.now / DAY) * DAY - (o.days - 1) * DAY;
  const dates = Array.from({ length: o.days }, (_, i) => new Date(first + i * DAY).toISOString().slice(0, 10));
  const counts = await dailyUptime(db, o.districtId, { now: o.now, days: o.days });

  // What happened, per system and day index: incident impacts, then maintenance.
  const events = new Map<string, Map<number, SystemStatus>>();
  const mark = (systemId: string, start: number, end: number, status: SystemStatus) => {
    const byDay = events.get(systemId) ?? new Map<number, SystemStatus>();
    const lastDay = Math.min(o.days - 1, Math.floor((Math.min(end, o.now) - 1 - first) / DAY));
    for (let d = Math.max(0, Math.floor((start - first) / DAY)); d <= lastDay; d++)
      byDay.set(d, worstStatus([byDay.get(d) ?? 'operational', status]));
    events.set(systemId, byDay);
  };
  const { rows: incidents } = await db.query<{ system_id: string; impact: SystemStatus; started_at: Date; resolved_at: Date | null }>(
    `SELECT s.system_id, i.impact, i.started_at, i.resolved_at FROM incidents i JOIN incident_systems s ON s.incident_id = i.id
      WHERE i.district_id = $1 AND s.system_id = ANY($2) AND i.started_at < $4 AND (i.resolved_at IS NULL OR i.resolved_at > $3)`,
    [o.districtId, o.systemIds, new Date(first), new Date(o.now)],
  );
  for (const i of incidents) mark(i.system_id, i.started_at.getTime(), i.resolved_at?.getTime() ?? o.now, i.impact);
  for (const w of o.windows) {
    for (const occ of occurrences(w, first, o.now)) for (const id of w.system_ids) mark(id, occ.start, occ.end, 'maintenance');
  }

  const out = new Map<string, SystemDays>();
  for (const id of o.systemIds) {
    const measured = new Map((counts.get(id) ?? []).map((c) => [c.date, c]));
    let total = 0;
    let ok = 0;
    const days = dates.map((date, d): StatusPageDay => {
      const c = measured.get(date);
      const uptime = c && c.total > 0 ? c.ok / c.total : null;
      total += c?.total ?? 0;
      ok += c?.ok ?? 0;
      const event = events.get(id)?.get(d);
      const measuredStatus: SystemStatus = uptime === null ? 'unknown' : uptime < TROUBLE_BELOW ? 'degraded' : 'operational';
      return { date, uptime: uptime === null ? null : floor4(uptime), status: event ?? measuredStatus };
    });
    out.set(id, { days, uptime: total > 0 ? ok / total : null });
  }
  return out;
}
