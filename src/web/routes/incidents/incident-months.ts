import type { IncidentMonth } from '../../api/incidents';

/** The last `count` months (UTC, "YYYY-MM"), oldest first, with a zero for each month without an incident. */
export function lastMonths(stats: IncidentMonth[], count: number, now = new Date()): IncidentMonth[] {
  const byMonth = new Map(stats.map((m) => [m.month, m]));
  const out: IncidentMonth[] = [];
  for (let back = count - 1; back >= 0; back--) {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1));
    const month = d.toISOString().slice(0, 7);
    out.push(byMonth.get(month) ?? { month, incidents: 0, meanTimeToDetectSeconds: null, meanTimeToResolveSeconds: null });
  }
  return out;
}
