import type { Queryable } from '../../../db/client';
import type { Language } from '../../../../shared/roles';
import { incidentStatusLabels, statusLabels, STATUS_PAGE_DAYS, worstStatus, type StatusPage } from '../../../../shared/api/status-page';
import { listIncidents } from '../incidents/incident-read';
import { loadMaintenanceWindows, occurrences } from '../status/maintenance';
import { readDistrictHealth } from '../status/read-health';
import { systemDays } from './uptime-days';

const WEEK = 7 * 86_400_000;

/**
 * Builds the status page for one audience. Only systems with a public name and an audience
 * that includes the reader appear, under their public name; incidents show their public
 * updates only, never the internal notes or the internal system names.
 */
export async function buildStatusPage(
  db: Queryable,
  o: { districtId: string; districtName: string; lang: Language; staff: boolean; now?: number },
): Promise<StatusPage> {
  const now = o.now ?? Date.now();
  const audiences = o.staff ? ['families', 'both', 'staff'] : ['families', 'both'];
  const health = (await readDistrictHealth(db, o.districtId, now)).filter((s) => s.publicName && audiences.includes(s.audience));
  const publicName = new Map(health.map((s) => [s.id, s.publicName![o.lang]]));
  const windows = await loadMaintenanceWindows(db, o.districtId);
  const history = await systemDays(db, {
    districtId: o.districtId,
    systemIds: [...publicName.keys()],
    windows,
    now,
    days: STATUS_PAGE_DAYS,
  });
  const overall = worstStatus(health.map((s) => s.status));

  const incidents = (await listIncidents(db, o.districtId, { state: 'all', limit: 50 }))
    .filter((i) => (!i.resolvedAt || Date.parse(i.resolvedAt) > now - WEEK) && i.systemIds.some((id) => publicName.has(id)))
    .map((i) => ({
      title: i.title[o.lang],
      status: i.status,
      statusLabel: incidentStatusLabels[o.lang][i.status],
      impact: i.impact,
      impactLabel: statusLabels[o.lang][i.impact],
      startedAt: i.startedAt,
      resolvedAt: i.resolvedAt,
      systems: i.systemIds.flatMap((id) => publicName.get(id) ?? []),
      updates: i.updates
        .filter((u) => u.kind === 'public' && u.message)
        .map((u) => ({
          at: u.at,
          status: u.status,
          statusLabel: u.status && incidentStatusLabels[o.lang][u.status],
          message: u.message![o.lang],
        })),
    }));

  const maintenance = windows
    .filter((w) => w.system_ids.some((id) => publicName.has(id)))
    .flatMap((w) =>
      occurrences(w, now, now + WEEK).map((occ) => ({
        title: o.lang === 'es' ? w.title_es : w.title_en,
        start: new Date(occ.start).toISOString(),
        end: new Date(occ.end).toISOString(),
        systems: w.system_ids.flatMap((id) => publicName.get(id) ?? []),
      })),
    )
    .sort((a, b) => a.start.localeCompare(b.start));

  return {
    district: o.districtName,
    lang: o.lang,
    generatedAt: new Date(now).toISOString(),
    overall,
    overallLabel: statusLabels[o.lang][overall],
    systems: health.map((s) => ({
      name: s.publicName![o.lang],
      status: s.status,
      statusLabel: statusLabels[o.lang][s.status],
      uptime90d: history.get(s.id)?.uptime ?? null,
      days: history.get(s.id)?.days ?? [],
    })),
    incidents,
    maintenance,
  };
}
