import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  partInputSchema,
  partPatchSchema,
  partSchema,
  partsQuerySchema,
  partStockSetSchema,
  reorderItemSchema,
} from '../../../../shared/api/device-parts';
import { errorBodySchema } from '../../../../shared/errors';
import { requestContext, requireActor } from '../../../platform/http/auth.plugin';
import { authorFromRequest } from '../device-author';
import { asRepairConflict } from './repairs-conflict';
import { getPart, listParts, reorderList } from './list-parts';
import { createPart, setPartStock, updatePart } from './write-part';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };
const idParams = z.object({ id: z.uuid() });

/** The parts catalog: parts, stock per site, the reorder list. */
export const partRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;
  const author = (req: Parameters<typeof requestContext>[0]) => authorFromRequest({ ...requestContext(req), actor: requireActor(req) });

  app.get(
    '/api/devices/parts',
    {
      config: { permission: 'devices.read' },
      schema: {
        tags: ['devices'],
        summary: 'The parts catalog with stock per site (a principal: their schools’ stock); search by name or SKU',
        querystring: partsQuerySchema,
        response: { 200: z.object({ items: z.array(partSchema) }), ...errors },
      },
    },
    async (req) => ({ items: await listParts(db, requireActor(req), req.query) }),
  );

  app.get(
    '/api/devices/parts/reorder',
    {
      config: { permission: 'devices.read' },
      schema: {
        tags: ['devices'],
        summary: 'Parts whose stock at a site is at or below their reorder level',
        response: { 200: z.object({ items: z.array(reorderItemSchema) }), ...errors },
      },
    },
    async (req) => ({ items: await reorderList(db, requireActor(req)) }),
  );

  app.post(
    '/api/devices/parts',
    {
      config: { permission: 'devices.manage' },
      schema: {
        tags: ['devices'],
        summary: 'Add a part to the catalog (SKU unique in the district)',
        body: partInputSchema,
        response: { 201: partSchema, ...errors },
      },
    },
    async (req, reply) => {
      const id = await db.transaction((tx) => createPart(tx, author(req), req.body)).catch(asRepairConflict);
      return reply.status(201).send(await getPart(db, requireActor(req), id));
    },
  );

  app.patch(
    '/api/devices/parts/:id',
    {
      config: { permission: 'devices.manage' },
      schema: {
        tags: ['devices'],
        summary: 'Change a part (active=false takes it out of the catalog; parts used stay on their repairs)',
        params: idParams,
        body: partPatchSchema,
        response: { 200: partSchema, ...errors },
      },
    },
    async (req) => {
      await db.transaction((tx) => updatePart(tx, author(req), req.params.id, req.body)).catch(asRepairConflict);
      return getPart(db, requireActor(req), req.params.id);
    },
  );

  app.put(
    '/api/devices/parts/:id/stock',
    {
      config: { permission: 'devices.manage' },
      schema: {
        tags: ['devices'],
        summary: 'Set the count of a part at a school (schoolId null: the district depot) after a delivery or a stock take',
        params: idParams,
        body: partStockSetSchema,
        response: { 200: partSchema, ...errors },
      },
    },
    async (req) => {
      await db.transaction((tx) => setPartStock(tx, author(req), req.params.id, req.body));
      return getPart(db, requireActor(req), req.params.id);
    },
  );
};
