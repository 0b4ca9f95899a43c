import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { slugSchema, systemSpecSchema } from '../../../shared/api/systems';
import { importResultSchema, systemDetailSchema, systemUpdateSchema, systemViewSchema } from '../../../shared/api/system-views';
import { errorBodySchema } from '../../../shared/errors';
import { AppError, notFound } from '../../platform/errors';
import { requestContext, requireActor } from '../../platform/http/auth.plugin';
import { applySystems, deleteSystem } from './apply-systems';
import { getSystemDetail, getSystemView, listSystemViews } from './catalog.repository';
import { exportSystemsYaml, importSystemsYaml } from './import-export';
import { SpecError } from './spec-support';
import type { SystemsRuntime } from './runtime';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };
const idParams = z.object({ id: slugSchema });
const heartbeatsSchema = z.array(z.object({ systemId: z.string(), check: z.string(), path: z.string() }));
const MAX_YAML = 4 * 1024 * 1024;

/** A problem found after schema validation (an unknown dependency, a cycle) named by its field. */
function asFieldError(err: unknown): Error {
  if (err instanceof SpecError)
    return new AppError('validation_failed', `${err.path.join('.')}: ${err.message}`, { field: err.path.join('.') });
  return err instanceof Error ? err : new Error(String(err));
}

export function catalogRoutes(runtime: SystemsRuntime): FastifyPluginAsyncZod {
  return async (app) => {
    const { db } = app;
    // YAML bodies arrive as text, so `curl --data-binary @systems.yaml -H 'content-type: application/yaml'` works.
    app.addContentTypeParser(['application/yaml', 'text/yaml', 'application/x-yaml'], { parseAs: 'string' }, (_req, body, done) =>
      done(null, body),
    );

    app.get(
      '/api/systems',
      {
        config: { permission: 'systems.read' },
        schema: {
          tags: ['systems'],
          summary: 'The catalog of systems',
          response: { 200: z.object({ items: z.array(systemViewSchema) }), ...errors },
        },
      },
      async (req) => ({ items: await listSystemViews(db, requireActor(req).districtId) }),
    );

    app.get(
      '/api/systems/export',
      {
        config: { permission: 'systems.manage' },
        schema: {
          tags: ['systems'],
          summary: 'The catalog and notification channels as a YAML file (config-as-code)',
          response: { 200: z.string(), ...errors },
        },
      },
      async (req, reply) => {
        const text = await exportSystemsYaml(db, requireActor(req).districtId);
        return reply
          .type('application/yaml; charset=utf-8')
          .header('content-disposition', 'attachment; filename="systems.yaml"')
          .send(text);
      },
    );

    app.get(
      '/api/systems/:id',
      {
        config: { permission: 'systems.read' },
        schema: {
          tags: ['systems'],
          summary: 'One system, what it depends on and what needs it, its uptime (24 h, 30 and 90 days) and its recent incidents',
          params: idParams,
          response: { 200: systemDetailSchema, ...errors },
        },
      },
      async (req) => (await getSystemDetail(db, requireActor(req).districtId, req.params.id)) ?? Promise.reject(notFound('System')),
    );

    app.post(
      '/api/systems',
      {
        config: { permission: 'systems.manage' },
        schema: {
          tags: ['systems'],
          summary: 'Add a system; a dependency cycle is refused with the path that closes it',
          body: systemSpecSchema,
          response: { 201: z.object({ system: systemViewSchema, heartbeats: heartbeatsSchema }), ...errors },
        },
      },
      async (req, reply) => {
        const actor = requireActor(req);
        const result = await db
          .transaction((tx) =>
            applySystems(tx, { districtId: actor.districtId, specs: [req.body], mode: 'create', author: { ctx: requestContext(req) } }),
          )
          .catch((err: unknown) => Promise.reject(asFieldError(err)));
        await runtime.catalogChanged(actor.districtId);
        const system = (await getSystemView(db, actor.districtId, req.body.id))!;
        return reply.status(201).send({ system, heartbeats: result.heartbeats });
      },
    );

    app.put(
      '/api/systems/:id',
      {
        config: { permission: 'systems.manage' },
        schema: {
          tags: ['systems'],
          summary: 'Replace a system’s definition (checks are matched by name and keep their history)',
          params: idParams,
          body: systemUpdateSchema,
          response: { 200: z.object({ system: systemViewSchema, heartbeats: heartbeatsSchema }), ...errors },
        },
      },
      async (req) => {
        const actor = requireActor(req);
        const spec = { ...req.body, id: req.params.id };
        const result = await db
          .transaction((tx) =>
            applySystems(tx, { districtId: actor.districtId, specs: [spec], mode: 'update', author: { ctx: requestContext(req) } }),
          )
          .catch((err: unknown) => Promise.reject(asFieldError(err)));
        await runtime.catalogChanged(actor.districtId);
        return { system: (await getSystemView(db, actor.districtId, spec.id))!, heartbeats: result.heartbeats };
      },
    );

    app.delete(
      '/api/systems/:id',
      {
        config: { permission: 'systems.manage' },
        schema: {
          tags: ['systems'],
          summary: 'Delete a system (refused while others depend on it)',
          params: idParams,
          response: { 200: z.object({ ok: z.literal(true) }), ...errors },
        },
      },
      async (req) => {
        const actor = requireActor(req);
        await db.transaction((tx) => deleteSystem(tx, actor.districtId, req.params.id, { ctx: requestContext(req) }));
        await runtime.catalogChanged(actor.districtId);
        return { ok: true as const };
      },
    );

    app.post(
      '/api/systems/import',
      {
        config: { permission: 'systems.manage' },
        schema: {
          tags: ['systems'],
          summary: 'Import a YAML file (as application/yaml, or JSON {yaml}); atomic, errors name the line and field',
          querystring: z.object({ prune: z.enum(['true', 'false']).optional() }),
          body: z.union([z.string().max(MAX_YAML), z.object({ yaml: z.string().max(MAX_YAML), prune: z.boolean().optional() })]),
          response: { 200: importResultSchema, ...errors },
        },
      },
      async (req) => {
        const actor = requireActor(req);
        const text = typeof req.body === 'string' ? req.body : req.body.yaml;
        const prune = (typeof req.body === 'object' && req.body.prune) || req.query.prune === 'true';
        const result = await importSystemsYaml(db, { districtId: actor.districtId, text, prune, author: { ctx: requestContext(req) } });
        await runtime.catalogChanged(actor.districtId);
        return result;
      },
    );
  };
}
