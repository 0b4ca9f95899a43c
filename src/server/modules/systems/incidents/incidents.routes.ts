import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  incidentCreateSchema,
  incidentListSchema,
  incidentMonthSchema,
  incidentSchema,
  incidentsQuerySchema,
  incidentUpdateCreateSchema,
} from '../../../../shared/api/incidents';
import { errorBodySchema } from '../../../../shared/errors';
import { notFound } from '../../../platform/errors';
import { requestContext, requireActor } from '../../../platform/http/auth.plugin';
import { countIncidents, incidentMonths, listIncidents } from './incident-read';
import { openIncident } from './open-incident';
import { updateIncident } from './update-incident';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };
const idParams = z.object({ id: z.uuid() });

export const incidentsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, jobs } = app;
  const one = async (districtId: string, id: string) =>
    (await listIncidents(db, districtId, { state: 'all', limit: 1, id }))[0] ?? Promise.reject(notFound('Incident'));

  app.get(
    '/api/incidents',
    {
      config: { permission: 'systems.read' },
      schema: {
        tags: ['incidents'],
        summary: 'Incidents, newest first, with their timeline; `total` counts all that match, for paging',
        querystring: incidentsQuerySchema,
        response: { 200: incidentListSchema, ...errors },
      },
    },
    async (req) => {
      const { districtId } = requireActor(req);
      const [items, total] = await Promise.all([listIncidents(db, districtId, req.query), countIncidents(db, districtId, req.query)]);
      return { items, total };
    },
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
        summary: 'Open an incident by hand: its first public update in English and Spanish; the alert channels are told',
        body: incidentCreateSchema,
        response: { 201: incidentSchema, ...errors },
      },
    },
    async (req, reply) => {
      const { districtId } = requireActor(req);
      const id = await openIncident({ db, jobs }, { districtId, author: { ctx: requestContext(req) }, body: req.body });
      return reply.status(201).send(await one(districtId, id));
    },
  );

  app.post(
    '/api/incidents/:id/updates',
    {
      config: { permission: 'incidents.manage' },
      schema: {
        tags: ['incidents'],
        summary:
          'Add a public update (en + es), an internal note, a move forward (investigating → identified → monitoring → resolved), the affected systems or the postmortem',
        params: idParams,
        body: incidentUpdateCreateSchema,
        response: { 200: incidentSchema, ...errors },
      },
    },
    async (req) => {
      const { districtId } = requireActor(req);
      await updateIncident({ db, jobs }, { districtId, incidentId: req.params.id, author: { ctx: requestContext(req) }, body: req.body });
      return one(districtId, req.params.id);
    },
  );
};
