import type { z } from 'zod';
import type { Db } from '../../../db/client';
import type { JobQueue } from '../../../platform/jobs';
import { incidentStatuses, type IncidentStatus, type incidentUpdateCreateSchema } from '../../../../shared/api/incidents';
import { AppError, notFound } from '../../../platform/errors';
import { enqueueIncidentAlert } from '../notify/incident-alerts';
import { auditChange, authorLabel, type Author } from '../spec-support';
import { systemNames } from './open-incident';
import { insertIncidentUpdate, setIncidentSystems } from './incident-writes';

type IncidentUpdateCreate = z.output<typeof incidentUpdateCreateSchema>;

interface Current {
  status: IncidentStatus;
  automatic: boolean;
  title_en: string;
  impact: string;
}

/**
 * Adds to an incident's timeline: a public update (en + es), an internal note, a move forward
 * (never back: resolved is final), the affected systems, or the postmortem. Resolving an
 * incident a person opened tells the channels that heard it open.
 */
export async function updateIncident(
  deps: { db: Db; jobs: JobQueue },
  o: { districtId: string; incidentId: string; author: Author; body: IncidentUpdateCreate; now?: Date },
): Promise<void> {
  const { body: b, districtId, incidentId } = o;
  const at = o.now ?? new Date();
  const by = authorLabel(o.author);
  await deps.db.transaction(async (tx) => {
    const { rows } = await tx.query<Current>(
      'SELECT status, automatic, title_en, impact FROM incidents WHERE id = $1 AND district_id = $2 FOR UPDATE',
      [incidentId, districtId],
    );
    const current = rows[0]; // rows, not rowCount: PGlite counts no rows for SELECT … FOR UPDATE
    if (!current) throw notFound('Incident');
    if (b.status && incidentStatuses.indexOf(b.status) < incidentStatuses.indexOf(current.status)) {
      const why =
        current.status === 'resolved'
          ? 'a resolved incident stays resolved'
          : `an incident that is ${current.status} cannot go back to ${b.status}`;
      throw new AppError('validation_failed', `status: ${why}`, { field: 'status' });
    }
    if (b.systemIds) {
      await systemNames(tx, districtId, b.systemIds);
      await setIncidentSystems(tx, districtId, incidentId, b.systemIds);
    }
    if (b.postmortem) await tx.query('UPDATE incidents SET postmortem = $2, updated_at = $3 WHERE id = $1', [incidentId, b.postmortem, at]);
    const base = { districtId, incidentId, at, authorLabel: by };
    if (b.status || b.message) {
      await insertIncidentUpdate(tx, {
        ...base,
        kind: 'public',
        status: b.status ?? null,
        messageEn: b.message?.en ?? null,
        messageEs: b.message?.es ?? null,
        note: null,
      });
    }
    if (b.note) await insertIncidentUpdate(tx, { ...base, kind: 'internal', status: null, messageEn: null, messageEs: null, note: b.note });
    await auditChange(tx, districtId, o.author, {
      action: 'incident.updated',
      entityType: 'incident',
      entityId: incidentId,
      details: { status: b.status, systemIds: b.systemIds, note: Boolean(b.note), postmortem: Boolean(b.postmortem) },
    });

    if (b.status === 'resolved' && current.status !== 'resolved' && !current.automatic) {
      const ids = (
        await tx.query<{ system_id: string }>('SELECT system_id FROM incident_systems WHERE incident_id = $1 ORDER BY system_id', [
          incidentId,
        ])
      ).rows.map((r) => r.system_id);
      const [district] = (await tx.query<{ name: string }>('SELECT name FROM districts WHERE id = $1', [districtId])).rows;
      await enqueueIncidentAlert(tx, deps.jobs, districtId, {
        kind: 'incident_resolved',
        districtName: district?.name ?? '',
        incident: {
          id: incidentId,
          title: current.title_en,
          status: 'resolved',
          impact: current.impact,
          systems: await systemNames(tx, districtId, ids),
          message: b.message?.en ?? null,
        },
        by,
        at: at.toISOString(),
      });
    }
  });
}
