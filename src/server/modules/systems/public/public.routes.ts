import crypto from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { statusPageQuerySchema, statusPageSchema, type StatusPage } from '../../../../shared/api/status-page';
import { errorBodySchema } from '../../../../shared/errors';
import { AppError, notFound } from '../../../platform/errors';
import type { SystemsRuntime } from '../runtime';
import { buildStatusPage } from './status-page';
import { renderMetrics } from './metrics';

// A crowd of families refreshing during an outage must not become the outage: each variant of
// the page is built at most once per few seconds, and dropped at once when a status changes.
const CACHE_MS = 5000;
// Browsers and any proxy in front share the load too: 30 s fresh, then a conditional request that
// usually ends in a bodiless 304. A signed-in staff member's page lists staff systems: never shared.
const SHARED_CACHE = 'public, max-age=30, stale-while-revalidate=60';
const PRIVATE_CACHE = 'private, max-age=30';

/** Staff (anyone signed in but students and families) also see systems meant for staff. */
const isStaff = (req: FastifyRequest) => Boolean(req.actor?.roles.some((r) => r !== 'student' && r !== 'guardian'));

interface CachedPage {
  expires: number;
  /** Serialised (and checked against the schema) once per build, not once per visitor. */
  json: string;
  /** Of the content without the time it was built, so an unchanged page keeps its tag. */
  etag: string;
}

function cachePage(page: StatusPage): CachedPage {
  const json = JSON.stringify(statusPageSchema.parse(page));
  const content = JSON.stringify({ ...page, generatedAt: undefined });
  const etag = `"${crypto.createHash('sha256').update(content).digest('base64url').slice(0, 32)}"`;
  return { expires: Date.now() + CACHE_MS, json, etag };
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === etag;
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function publicRoutes(runtime: SystemsRuntime): FastifyPluginAsyncZod {
  return async (app) => {
    const { db } = app;
    const cache = new Map<string, CachedPage>();
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
          response: {
            200: statusPageSchema,
            304: z.null().describe('Not modified: the page in the If-None-Match tag is current'),
            400: errorBodySchema,
            404: errorBodySchema,
          },
        },
      },
      async (req, reply) => {
        const district = await districtFor(req, req.query.district);
        const staff = isStaff(req);
        const key = `${district.id}|${req.query.lang}|${staff}`;
        let entry = cache.get(key);
        if (!entry || entry.expires <= Date.now()) {
          const page = await buildStatusPage(db, { districtId: district.id, districtName: district.name, lang: req.query.lang, staff });
          entry = cachePage(page);
          cache.set(key, entry);
        }
        // Set before sending: app.ts then leaves the answer cacheable, and compression adds to Vary.
        reply.header('cache-control', staff ? PRIVATE_CACHE : SHARED_CACHE);
        reply.header('vary', 'Cookie, Authorization');
        reply.header('etag', entry.etag);
        if (matches(req.headers['if-none-match'], entry.etag)) return reply.code(304).send(null);
        // A string with a JSON content type is sent as it is: no second serialisation per request.
        return reply.type('application/json; charset=utf-8').send(entry.json as unknown as StatusPage);
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
        const metrics = await renderMetrics(db, req.actor!.districtId, runtime);
        return reply.type('text/plain; version=0.0.4; charset=utf-8').send(metrics);
      },
    );
  };
}
