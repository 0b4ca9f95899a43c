import type { Queryable } from '../../../db/client';
import type { Incident } from '../../../../shared/api/incidents';
import type { IncidentStatus } from './incident-writes';

interface IncidentRow {
  id: string;
  title_en: string;
  title_es: string;
  status: IncidentStatus;
  impact: Incident['impact'];
  root_system_id: string | null;
  automatic: boolean;
  started_at: Date;
  detected_at: Date;
  resolved_at: Date | null;
  postmortem: string | null;
}

interface UpdateRow {
  id: string;
  incident_id: string;
  at: Date;
  kind: 'public' | 'internal';
  status: IncidentStatus | null;
  message_en: string | null;
  message_es: string | null;
  note: string | null;
  author_label: string;
}

const seconds = (a: Date, b: Date) => Math.round((b.getTime() - a.getTime()) / 1000);

type IncidentFilter = { state: 'open' | 'resolved' | 'all'; limit: number; offset?: number; id?: string };

function whereOf(districtId: string, f: IncidentFilter): { sql: string; params: unknown[] } {
  const where = ['district_id = $1'];
  const params: unknown[] = [districtId];
  if (f.state === 'open') where.push('resolved_at IS NULL');
  if (f.state === 'resolved') where.push('resolved_at IS NOT NULL');
  if (f.id) {
    params.push(f.id);
    where.push(`id = $${params.length}`);
  }
  return { sql: where.join(' AND '), params };
}

/** How many incidents the filter matches, for paging. */
export async function countIncidents(db: Queryable, districtId: string, f: IncidentFilter): Promise<number> {
  const { sql, params } = whereOf(districtId, f);
  const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM incidents WHERE ${sql}`, params);
  return rows[0]?.n ?? 0;
}

export async function listIncidents(db: Queryable, districtId: string, f: IncidentFilter): Promise<Incident[]> {
  const { sql, params } = whereOf(districtId, f);
  params.push(f.limit, f.offset ?? 0);
  const incidents = (
    await db.query<IncidentRow>(
      `SELECT * FROM incidents WHERE ${sql} ORDER BY started_at DESC, id LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    )
  ).rows;
  const ids = incidents.map((i) => i.id);
  if (ids.length === 0) return [];
  const systems = (
    await db.query<{ incident_id: string; system_id: string }>(
      'SELECT incident_id, system_id FROM incident_systems WHERE incident_id = ANY($1::uuid[]) ORDER BY system_id',
      [ids],
    )
  ).rows;
  const updates = (await db.query<UpdateRow>('SELECT * FROM incident_updates WHERE incident_id = ANY($1::uuid[]) ORDER BY at, seq', [ids]))
    .rows;
  return incidents.map((i) => ({
    id: i.id,
    title: { en: i.title_en, es: i.title_es },
    status: i.status,
    impact: i.impact,
    rootSystemId: i.root_system_id,
    automatic: i.automatic,
    systemIds: systems.filter((s) => s.incident_id === i.id).map((s) => s.system_id),
    startedAt: i.started_at.toISOString(),
    detectedAt: i.detected_at.toISOString(),
    resolvedAt: i.resolved_at?.toISOString() ?? null,
    timeToDetectSeconds: seconds(i.started_at, i.detected_at),
    timeToResolveSeconds: i.resolved_at ? seconds(i.started_at, i.resolved_at) : null,
    postmortem: i.postmortem,
    updates: updates
      .filter((u) => u.incident_id === i.id)
      .map((u) => ({
        id: u.id,
        at: u.at.toISOString(),
        kind: u.kind,
        status: u.status,
        message: u.message_en !== null && u.message_es !== null ? { en: u.message_en, es: u.message_es } : null,
        note: u.note,
        author: u.author_label,
      })),
  }));
}

/** Incidents per month (UTC) with the mean time to detect and to resolve. */
export async function incidentMonths(db: Queryable, districtId: string) {
  const { rows } = await db.query<{ month: string; incidents: number; ttd: number | null; ttr: number | null }>(
    `SELECT to_char(started_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month, count(*)::int AS incidents,
            avg(extract(epoch FROM detected_at - started_at))::float8 AS ttd,
            (avg(extract(epoch FROM resolved_at - started_at)) FILTER (WHERE resolved_at IS NOT NULL))::float8 AS ttr
       FROM incidents WHERE district_id = $1 GROUP BY 1 ORDER BY 1 DESC LIMIT 24`,
    [districtId],
  );
  return rows.map((r) => ({ month: r.month, incidents: r.incidents, meanTimeToDetectSeconds: r.ttd, meanTimeToResolveSeconds: r.ttr }));
}
