import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { deviceModelInputSchema, deviceModelPatchSchema, deviceModelSchema } from '../../../shared/api/devices';
import { errorBodySchema } from '../../../shared/errors';
import { notFound } from '../../platform/errors';
import { requestContext, requireActor } from '../../platform/http/auth.plugin';
import { authorFromRequest } from './device-author';
import { createModel, deleteModel, listModels, updateModel } from './device-models';
import { asConflict } from './unique-conflict';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };
const idParams = z.object({ id: z.uuid() });

/** Device models: manufacturer, category, expected life, replacement price, auto-update expiration. */
export const deviceModelRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;
  const author = (req: Parameters<typeof requestContext>[0]) => authorFromRequest({ ...requestContext(req), actor: requireActor(req) });
  const one = async (districtId: string, id: string) =>
    (await listModels(db, districtId, id))[0] ?? Promise.reject(notFound('Device model'));

  app.get(
    '/api/devices/models',
    {
      config: { permission: 'devices.read' },
      schema: {
        tags: ['devices'],
        summary: 'The district’s device models, with how many devices each has',
        response: { 200: z.object({ items: z.array(deviceModelSchema) }), ...errors },
      },
    },
    async (req) => ({ items: await listModels(db, requireActor(req).districtId) }),
  );

  app.post(
    '/api/devices/models',
    {
      config: { permission: 'devices.manage' },
      schema: {
        tags: ['devices'],
        summary: 'Add a device model',
        body: deviceModelInputSchema,
        response: { 201: deviceModelSchema, ...errors },
      },
    },
    async (req, reply) => {
      const a = author(req);
      const id = await db.transaction((tx) => createModel(tx, a, req.body)).catch(asConflict);
      return reply.status(201).send(await one(a.districtId, id));
    },
  );

  app.patch(
    '/api/devices/models/:id',
    {
      config: { permission: 'devices.manage' },
      schema: {
        tags: ['devices'],
        summary: 'Change a device model',
        params: idParams,
        body: deviceModelPatchSchema,
        response: { 200: deviceModelSchema, ...errors },
      },
    },
    async (req) => {
      const a = author(req);
      await db.transaction((tx) => updateModel(tx, a, req.params.id, req.body)).catch(asConflict);
      return one(a.districtId, req.params.id);
    },
  );

  app.delete(
    '/api/devices/models/:id',
    {
      config: { permission: 'devices.manage' },
      schema: {
        tags: ['devices'],
        summary: 'Delete a device model no device uses',
        params: idParams,
        response: { 200: z.object({ ok: z.literal(true) }), ...errors },
      },
    },
    async (req) => {
      await db.transaction((tx) => deleteModel(tx, author(req), req.params.id));
      return { ok: true as const };
    },
  );
};
