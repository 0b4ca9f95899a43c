import type { z } from 'zod';
import type { Db, Queryable } from '../../../db/client';
import type { JobQueue } from '../../../platform/jobs';
import type { incidentCreateSchema } from '../../../../shared/api/incidents';
import { AppError } from '../../../platform/errors';
import { enqueueIncidentAlert } from '../notify/incident-alerts';
import { auditChange, authorLabel, type Author } from '../spec-support';
import { insertIncident } from './incident-writes';

type IncidentCreate = z.output<typeof incidentCreateSchema>;

/** The named systems of the district, in the order given; an unknown one is refused at the field. */
export async function systemNames(tx: Queryable, districtId: string, ids: string[]): Promise<{ id: string; name: string }[]> {
  const { rows } = await tx.query<{ id: string; name: string }>('SELECT id, name FROM systems WHERE district_id = $1 AND id = ANY($2)', [
    districtId,
    ids,
  ]);
  return [...new Set(ids)].map((id) => {
    const found = rows.find((r) => r.id === id);
    if (!found) throw new AppError('validation_failed', `unknown system "${id}"`, { field: 'systemIds' });
    return found;
  });
}

/**
 * Opens an incident by hand. Staff are alerted through the district's channels in the same
 * transaction, as they are when the evaluation opens one.
 */
export async function openIncident(
  deps: { db: Db; jobs: JobQueue },
  o: { districtId: string; author: Author; body: IncidentCreate; now?: Date },
): Promise<string> {
  const { body, districtId } = o;
  const now = o.now ?? new Date();
  const startedAt = body.startedAt ? new Date(body.startedAt) : now;
  if (startedAt > now) throw new AppError('validation_failed', 'startedAt: must not be in the future', { field: 'startedAt' });
  const by = authorLabel(o.author);
  return deps.db.transaction(async (tx) => {
    const systems = await systemNames(tx, districtId, body.systemIds);
    const id = await insertIncident(tx, {
      districtId,
      titleEn: body.title.en,
      titleEs: body.title.es,
      impact: body.impact,
      status: body.status,
      rootSystemId: null,
      automatic: false,
      startedAt,
      detectedAt: now,
      systemIds: body.systemIds,
      messageEn: body.message.en,
      messageEs: body.message.es,
      authorLabel: by,
    });
    await auditChange(tx, districtId, o.author, {
      action: 'incident.opened',
      entityType: 'incident',
      entityId: id,
      details: { title: body.title.en, status: body.status, systemIds: body.systemIds },
    });
    const [district] = (await tx.query<{ name: string }>('SELECT name FROM districts WHERE id = $1', [districtId])).rows;
    await enqueueIncidentAlert(tx, deps.jobs, districtId, {
      kind: 'incident_opened',
      districtName: district?.name ?? '',
      incident: { id, title: body.title.en, status: body.status, impact: body.impact, systems, message: body.message.en },
      by,
      at: now.toISOString(),
    });
    return id;
  });
}
