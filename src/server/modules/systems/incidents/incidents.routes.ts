import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  incidentCreateSchema,
  incidentMonthSchema,
  incidentSchema,
  incidentsQuerySchema,
  incidentUpdateCreateSchema,
} from '../../../../shared/api/incidents';
import { errorBodySchema } from '../../../../shared/errors';
import { AppError, notFound } from '../../../platform/errors';
import { requestContext, requireActor } from '../../../platform/http/auth.plugin';
import type { Queryable } from '../../../db/client';
import { auditChange, authorLabel } from '../spec-support';
import { incidentMonths, listIncidents } from './incident-read';
import { insertIncident, insertIncidentUpdate, setIncidentSystems } from './incident-writes';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };
const idParams = z.object({ id: z.uuid() });

async function assertSystems(tx: Queryable, districtId: string, ids: string[]) {
  const { rows } = await tx.query<{ id: string }>('SELECT id FROM systems WHERE district_id = $1 AND id = ANY($2)', [districtId, ids]);
  const missing = ids.filter((id) => !rows.some((r) => r.id === id));
  if (missing.length) throw new AppError('validation_failed', `unknown system "${missing[0]}"`, { field: 'systemIds' });
}

export const incidentsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;
  const one = async (districtId: string, id: string) =>
    (await listIncidents(db, districtId, { state: 'all', limit: 1, id }))[0] ?? Promise.reject(notFound('Incident'));

  app.get(
    '/api/incidents',
    {
      config: { permission: 'systems.read' },
      schema: {
        tags: ['incidents'],
        summary: 'Incidents, newest first, with their timeline',
        querystring: incidentsQuerySchema,
        response: { 200: z.object({ items: z.array(incidentSchema) }), ...errors },
      },
    },
    async (req) => ({ items: await listIncidents(db, requireActor(req).districtId, req.query) }),
  );

  app.get(
    '/api/incidents/stats',
    {
      config: { permission: 'systems.read' },
      schema: {
        tags: ['incidents'],
        summary: 'Incidents per month with mean time to detect and to resolve',
        response: { 200: z.object({ months: z.array(incidentMonthSchema) }), ...errors },
      },
    },
    async (req) => ({ months: await incidentMonths(db, requireActor(req).districtId) }),
  );

  app.get(
    '/api/incidents/:id',
    {
      config: { permission: 'systems.read' },
      schema: { tags: ['incidents'], summary: 'One incident', params: idParams, response: { 200: incidentSchema, ...errors } },
    },
    async (req) => one(requireActor(req).districtId, req.params.id),
  );

  app.post(
    '/api/incidents',
    {
      config: { permission: 'incidents.manage' },
      schema: {
        tags: ['incidents'],
        summary: 'Open an incident by hand',
        body: incidentCreateSchema,
        response: { 201: incidentSchema, ...errors },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const author = { ctx: requestContext(req) };
      const now = new Date();
      const id = await db.transaction(async (tx) => {
        await assertSystems(tx, actor.districtId, req.body.systemIds);
        const newId = await insertIncident(tx, {
          districtId: actor.districtId,
          titleEn: req.body.title.en,
          titleEs: req.body.title.es,
          impact: req.body.impact,
          rootSystemId: null,
          automatic: false,
          startedAt: req.body.startedAt ? new Date(req.body.startedAt) : now,
          detectedAt: now,
          systemIds: req.body.systemIds,
          messageEn: req.body.message.en,
          messageEs: req.body.message.es,
          authorLabel: authorLabel(author),
        });
        await auditChange(tx, actor.districtId, author, {
          action: 'incident.opened',
          entityType: 'incident',
          entityId: newId,
          details: { title: req.body.title.en },
        });
        return newId;
      });
      return reply.status(201).send(await one(actor.districtId, id));
    },
  );

  app.post(
    '/api/incidents/:id/updates',
    {
      config: { permission: 'incidents.manage' },
      schema: {
        tags: ['incidents'],
        summary: 'Add a public update (en + es), an internal note, a status change, systems or the postmortem',
        params: idParams,
        body: incidentUpdateCreateSchema,
        response: { 200: incidentSchema, ...errors },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const author = { ctx: requestContext(req) };
      const b = req.body;
      await db.transaction(async (tx) => {
        const found = await tx.query('SELECT 1 FROM incidents WHERE id = $1 AND district_id = $2 FOR UPDATE', [
          req.params.id,
          actor.districtId,
        ]);
        if (found.rows.length === 0) throw notFound('Incident'); // rows, not rowCount: PGlite counts no rows for SELECT … FOR UPDATE
        if (b.systemIds) {
          await assertSystems(tx, actor.districtId, b.systemIds);
          await setIncidentSystems(tx, actor.districtId, req.params.id, b.systemIds);
        }
        if (b.postmortem)
          await tx.query('UPDATE incidents SET postmortem = $2, updated_at = now() WHERE id = $1', [req.params.id, b.postmortem]);
        const base = { districtId: actor.districtId, incidentId: req.params.id, at: new Date(), authorLabel: authorLabel(author) };
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
        if (b.note)
          await insertIncidentUpdate(tx, { ...base, kind: 'internal', status: null, messageEn: null, messageEs: null, note: b.note });
        await auditChange(tx, actor.districtId, author, {
          action: 'incident.updated',
          entityType: 'incident',
          entityId: req.params.id,
          details: { status: b.status, systemIds: b.systemIds, note: Boolean(b.note), postmortem: Boolean(b.postmortem) },
        });
      });
      return one(actor.districtId, req.params.id);
    },
  );
};
