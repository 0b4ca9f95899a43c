import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { boardSystemSchema, statusSummarySchema, summarizeStatuses } from '../../../../shared/api/system-views';
import { errorBodySchema } from '../../../../shared/errors';
import { requireActor } from '../../../platform/http/auth.plugin';
import { readBoard } from './board';
import { readDistrictHealth } from './read-health';

export const statusRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/status',
    {
      config: { permission: 'systems.read' },
      schema: {
        tags: ['systems'],
        summary:
          'Every system’s status through the dependency graph (impacted systems name their root cause), with the status board’s columns: category, owner, 24-hour and 30-day uptime, dependencies',
        response: { 200: z.object({ systems: z.array(boardSystemSchema) }), 401: errorBodySchema, 403: errorBodySchema },
      },
    },
    async (req) => ({ systems: await readBoard(app.db, requireActor(req).districtId) }),
  );

  app.get(
    '/api/status/summary',
    {
      config: { permission: 'systems.read' },
      schema: {
        tags: ['systems'],
        summary: 'How many systems are down, impacted, degraded, in maintenance, unknown and operational (the home page’s tile)',
        response: { 200: statusSummarySchema, 401: errorBodySchema, 403: errorBodySchema },
      },
    },
    async (req) => summarizeStatuses(await readDistrictHealth(app.db, requireActor(req).districtId)),
  );
};
