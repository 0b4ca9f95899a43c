import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '../../../shared/errors';

export const systemRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/health',
    {
      // Load balancers and the demo's own checks call this every few seconds: not worth a log line each.
      logLevel: 'warn',
      config: { permission: 'public' },
      schema: {
        tags: ['system'],
        summary: 'Liveness and the database engine in use',
        response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) }), 503: errorBodySchema },
      },
    },
    async () => {
      await app.db.query('SELECT 1');
      return { status: 'ok' as const, database: app.db.engine };
    },
  );
};
