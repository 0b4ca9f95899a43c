import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '../../../shared/errors';
import { notFound } from '../../platform/errors';
import type { SystemsRuntime } from './runtime';

const params = z.object({ token: z.string().min(20).max(100) });
const response = { 200: z.object({ ok: z.literal(true) }), 404: errorBodySchema, 429: errorBodySchema };

/**
 * The secret URL a nightly job (SIS → LMS sync, backups, state reporting) calls when it
 * finishes. Public: the token is the credential, stored only as a hash; GET works for the
 * simplest cron line (`curl -fsS <url>`), POST for tools that insist on it.
 */
export function heartbeatRoutes(runtime: SystemsRuntime): FastifyPluginAsyncZod {
  return async (app) => {
    const handler = async (req: { params: { token: string } }) => {
      if (!(await runtime.beat(req.params.token))) throw notFound('Heartbeat');
      return { ok: true as const };
    };
    const config = { permission: 'public' as const, rateLimit: { max: 120, timeWindow: '1 minute' } };
    const schema = { tags: ['systems'], summary: 'Record a heartbeat (the token is the secret)', params, response };
    app.get('/api/heartbeat/:token', { config, schema }, handler);
    app.post('/api/heartbeat/:token', { config, schema }, handler);
  };
}
