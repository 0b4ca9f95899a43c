import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { systemHealthSchema } from '../../../../shared/api/incidents';
import { errorBodySchema } from '../../../../shared/errors';
import { requireActor } from '../../../platform/http/auth.plugin';
import { readDistrictHealth } from './read-health';

export const statusRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/status',
    {
      config: { permission: 'systems.read' },
      schema: {
        tags: ['systems'],
        summary: 'Every system’s status through the dependency graph: impacted systems name their root cause',
        response: { 200: z.object({ systems: z.array(systemHealthSchema) }), 401: errorBodySchema, 403: errorBodySchema },
      },
    },
    async (req) => ({ systems: await readDistrictHealth(app.db, requireActor(req).districtId) }),
  );
};
