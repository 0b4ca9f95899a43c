import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { statusPageQuerySchema, statusPageSchema, type StatusPage } from '../../../../shared/api/status-page';
import { errorBodySchema } from '../../../../shared/errors';
import { AppError, notFound } from '../../../platform/errors';
import type { SystemsRuntime } from '../runtime';
import { buildStatusPage } from './status-page';
import { renderMetrics } from './metrics';

// A crowd of families refreshing during an outage must not become the outage: each variant of
// the page is built at most once per few seconds, and dropped at once when a status changes.
const CACHE_MS = 5000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function publicRoutes(runtime: SystemsRuntime): FastifyPluginAsyncZod {
  return async (app) => {
    const { db } = app;
    const cache = new Map<string, { expires: number; page: StatusPage }>();
    runtime.onChange((districtId) => {
      for (const key of cache.keys()) if (key.startsWith(`${districtId}|`)) cache.delete(key);
    });

    async function districtFor(req: FastifyRequest, ref: string | undefined): Promise<{ id: string; name: string }> {
      if (!ref && req.actor) ref = req.actor.districtId;
      const { rows } = ref
        ? await db.query<{ id: string; name: string }>(
            `SELECT id, name FROM districts WHERE ${UUID.test(ref) ? 'id = $1::uuid' : 'sourced_id = $1'}`,
            [ref],
          )
        : await db.query<{ id: string; name: string }>('SELECT id, name FROM districts ORDER BY created_at LIMIT 2');
      if (!ref && rows.length > 1)
        throw new AppError('validation_failed', 'Several districts are served here: name one with ?district=', { field: 'district' });
      if (!rows[0]) throw notFound('District');
      return rows[0];
    }

    app.get(
      '/api/status/public',
      {
        config: { permission: 'public' },
        schema: {
          tags: ['systems'],
          summary: 'The status page’s data (no sign-in): public systems, incidents and planned maintenance, in English or Spanish',
          querystring: statusPageQuerySchema,
          response: { 200: statusPageSchema, 400: errorBodySchema, 404: errorBodySchema },
        },
      },
      async (req) => {
        const district = await districtFor(req, req.query.district);
        // Staff (anyone signed in but students and families) also see systems meant for staff.
        const staff = Boolean(req.actor?.roles.some((r) => r !== 'student' && r !== 'guardian'));
        const key = `${district.id}|${req.query.lang}|${staff}`;
        const hit = cache.get(key);
        if (hit && hit.expires > Date.now()) return hit.page;
        const page = await buildStatusPage(db, { districtId: district.id, districtName: district.name, lang: req.query.lang, staff });
        cache.set(key, { expires: Date.now() + CACHE_MS, page });
        return page;
      },
    );

    // Prometheus scrapes with an API token (Authorization: Bearer …) of a role holding
    // systems.read: no second secret to manage, revocable like any token, and the district is
    // the token's. Not public: check names and latencies map the district's infrastructure.
    app.get(
      '/metrics',
      {
        config: { permission: 'systems.read' },
        schema: { tags: ['systems'], summary: 'Prometheus metrics: check results, latencies, system status, scheduler lateness' },
      },
      async (req, reply) => {
        const text = await renderMetrics(db, req.actor!.districtId, runtime);
        return reply.type('text/plain; version=0.0.4; charset=utf-8').send(text);
      },
    );
  };
}
