import type { Queryable } from '../../../db/client';
import type { IncidentStatus } from '../../../../shared/api/incidents';

export type { IncidentStatus };

export interface NewIncident {
  districtId: string;
  titleEn: string;
  titleEs: string;
  impact: 'degraded' | 'partial_outage' | 'major_outage';
  /** Where it starts; a person who already knows the cause may open it as identified. */
  status?: Exclude<IncidentStatus, 'resolved'>;
  rootSystemId: string | null;
  automatic: boolean;
  startedAt: Date;
  detectedAt: Date;
  systemIds: string[];
  messageEn: string;
  messageEs: string;
  authorLabel: string;
}

export async function insertIncident(tx: Queryable, n: NewIncident): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO incidents (district_id, title_en, title_es, status, impact, root_system_id, automatic, started_at, detected_at)
     VALUES ($1, $2, $3, $9, $4, $5, $6, $7, $8) RETURNING id`,
    [n.districtId, n.titleEn, n.titleEs, n.impact, n.rootSystemId, n.automatic, n.startedAt, n.detectedAt, n.status ?? 'investigating'],
  );
  const id = rows[0]!.id;
  await setIncidentSystems(tx, n.districtId, id, n.systemIds);
  await insertIncidentUpdate(tx, {
    districtId: n.districtId,
    incidentId: id,
    at: n.detectedAt,
    kind: 'public',
    status: n.status ?? 'investigating',
    messageEn: n.messageEn,
    messageEs: n.messageEs,
    note: null,
    authorLabel: n.authorLabel,
  });
  return id;
}

export async function setIncidentSystems(tx: Queryable, districtId: string, incidentId: string, systemIds: string[]): Promise<void> {
  await tx.query('DELETE FROM incident_systems WHERE incident_id = $1', [incidentId]);
  for (const systemId of new Set(systemIds)) {
    await tx.query('INSERT INTO incident_systems (district_id, incident_id, system_id) VALUES ($1, $2, $3)', [
      districtId,
      incidentId,
      systemId,
    ]);
  }
}

export interface IncidentUpdateInput {
  districtId: string;
  incidentId: string;
  at: Date;
  kind: 'public' | 'internal';
  status: IncidentStatus | null;
  messageEn: string | null;
  messageEs: string | null;
  note: string | null;
  authorLabel: string;
}

/** Appends an update; a status in it moves the incident (resolved stamps the time to resolve). */
export async function insertIncidentUpdate(tx: Queryable, u: IncidentUpdateInput): Promise<void> {
  await tx.query(
    `INSERT INTO incident_updates (district_id, incident_id, at, kind, status, message_en, message_es, note, author_label)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [u.districtId, u.incidentId, u.at, u.kind, u.status, u.messageEn, u.messageEs, u.note, u.authorLabel],
  );
  if (u.status) {
    await tx.query(
      `UPDATE incidents SET status = $2, updated_at = $3,
              resolved_at = CASE WHEN $2 = 'resolved' THEN coalesce(resolved_at, $3) ELSE NULL END
        WHERE id = $1`,
      [u.incidentId, u.status, u.at],
    );
  }
}
