import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';
import type { Queryable } from '../../../db/client';

// dayjs is already a dependency (the web app's date pickers); its timezone plugin uses the
// platform's Intl data, so no time-zone database ships with us.
dayjs.extend(utc);
dayjs.extend(timezone);

export interface MaintenanceWindowRow {
  id: string;
  title_en: string;
  title_es: string;
  system_ids: string[];
  timezone: string;
  starts_at: Date | null;
  ends_at: Date | null;
  /** ISO weekdays, 1 = Monday … 7 = Sunday, in the window's time zone. */
  weekdays: number[] | null;
  local_start: string | null;
  duration_minutes: number | null;
  valid_from: string | null;
  valid_until: string | null;
}

export interface Occurrence {
  start: number;
  end: number;
}

/**
 * The occurrences of a window that overlap [from, to), computed on demand: a weekly window is
 * a rule, never a stored list of slots. Local times follow the zone's daylight-saving changes.
 */
export function occurrences(w: MaintenanceWindowRow, from: number, to: number): Occurrence[] {
  if (w.starts_at && w.ends_at) {
    const o = { start: w.starts_at.getTime(), end: w.ends_at.getTime() };
    return o.end > from && o.start < to ? [o] : [];
  }
  if (!w.weekdays || !w.local_start || !w.duration_minutes) return [];
  const length = w.duration_minutes * 60_000;
  const out: Occurrence[] = [];
  // Start early enough to catch an occurrence that began days ago and still runs.
  let day = dayjs.tz(from - length, w.timezone).startOf('day');
  const last = dayjs.tz(to, w.timezone).endOf('day');
  for (; !day.isAfter(last); day = day.add(1, 'day')) {
    const date = day.format('YYYY-MM-DD');
    if (w.valid_from && date < w.valid_from) continue;
    if (w.valid_until && date > w.valid_until) continue;
    const iso = day.day() === 0 ? 7 : day.day();
    if (!w.weekdays.includes(iso)) continue;
    const start = dayjs.tz(`${date} ${w.local_start}`, w.timezone).valueOf();
    if (start + length > from && start < to) out.push({ start, end: start + length });
  }
  return out;
}

export async function loadMaintenanceWindows(db: Queryable, districtId: string): Promise<MaintenanceWindowRow[]> {
  const { rows } = await db.query<MaintenanceWindowRow>(
    `SELECT id, title_en, title_es, system_ids, timezone, starts_at, ends_at, weekdays, local_start, duration_minutes,
            valid_from, valid_until
       FROM maintenance_windows WHERE district_id = $1 ORDER BY created_at`,
    [districtId],
  );
  return rows;
}

/** The systems inside a maintenance window at `now`. */
export function systemsInMaintenance(windows: MaintenanceWindowRow[], now: number): Set<string> {
  const out = new Set<string>();
  for (const w of windows) if (occurrences(w, now, now + 1).length > 0) for (const id of w.system_ids) out.add(id);
  return out;
}
