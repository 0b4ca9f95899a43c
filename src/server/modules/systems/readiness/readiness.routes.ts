import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  applyTemplateSchema,
  readinessBoardSchema,
  readinessDoneSchema,
  readinessItemCreateSchema,
  readinessItemSchema,
  readinessItemUpdateSchema,
  readinessOwnerSchema,
  readinessYearCreateSchema,
  readinessYearSchema,
  readinessYearUpdateSchema,
  schoolYearSchema,
  templateItemSchema,
} from '../../../../shared/api/readiness';
import { errorBodySchema } from '../../../../shared/errors';
import { notFound } from '../../../platform/errors';
import { requestContext, requireActor } from '../../../platform/http/auth.plugin';
import { listReadinessOwners, listReadinessYears, readItem, readReadinessBoard } from './readiness.repository';
import {
  applyTemplate,
  createItem,
  createYear,
  deleteItem,
  setItemDone,
  updateItem,
  updateYear,
  type WriteContext,
} from './readiness-writes';
import { defaultTemplate } from './template';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };
const yearParams = z.object({ schoolYear: schoolYearSchema });
const itemParams = z.object({ id: z.uuid() });
const tags = ['readiness'];

/** Back-to-school readiness: a checklist per school year for each tier-1 and tier-2 system. */
export const readinessRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;
  const writer = (req: FastifyRequest): WriteContext => ({ db, actor: requireActor(req), ctx: requestContext(req) });
  const board = async (districtId: string, year: number) =>
    (await readReadinessBoard(db, districtId, year)) ?? Promise.reject(notFound('School year'));
  const item = async (districtId: string, id: string) => (await readItem(db, districtId, id)) ?? Promise.reject(notFound('Readiness item'));

  app.get(
    '/api/readiness/template',
    {
      config: { permission: 'systems.read' },
      schema: {
        tags,
        summary: 'The default checklist applied to each tier-1 and tier-2 system',
        response: { 200: z.object({ items: z.array(templateItemSchema) }), ...errors },
      },
    },
    async () => ({ items: [...defaultTemplate] }),
  );

  app.get(
    '/api/readiness/owners',
    {
      config: { permission: 'systems.manage' },
      schema: {
        tags,
        summary: 'Who may own an item: active accounts whose role can see the readiness board',
        response: { 200: z.object({ items: z.array(readinessOwnerSchema) }), ...errors },
      },
    },
    async (req) => ({ items: await listReadinessOwners(db, requireActor(req).districtId) }),
  );

  app.get(
    '/api/readiness/years',
    {
      config: { permission: 'systems.read' },
      schema: {
        tags,
        summary: 'School years with a readiness board, newest first',
        response: { 200: z.object({ items: z.array(readinessYearSchema) }), ...errors },
      },
    },
    async (req) => ({ items: await listReadinessYears(db, requireActor(req).districtId) }),
  );

  app.post(
    '/api/readiness/years',
    {
      config: { permission: 'systems.manage' },
      schema: {
        tags,
        summary: 'Start the readiness board of a school year',
        body: readinessYearCreateSchema,
        response: { 201: readinessBoardSchema, ...errors },
      },
    },
    async (req, reply) => {
      const w = writer(req);
      await createYear(w, req.body.schoolYear, req.body.firstDay);
      return reply.status(201).send(await board(w.actor.districtId, req.body.schoolYear));
    },
  );

  app.get(
    '/api/readiness/years/:schoolYear',
    {
      config: { permission: 'systems.read' },
      schema: {
        tags,
        summary: 'The readiness board: per system its checklist and completion, and what is late',
        params: yearParams,
        response: { 200: readinessBoardSchema, ...errors },
      },
    },
    async (req) => board(requireActor(req).districtId, req.params.schoolYear),
  );

  app.put(
    '/api/readiness/years/:schoolYear',
    {
      config: { permission: 'systems.manage' },
      schema: {
        tags,
        summary: 'Move the first day of school',
        params: yearParams,
        body: readinessYearUpdateSchema,
        response: { 200: readinessBoardSchema, ...errors },
      },
    },
    async (req) => {
      const w = writer(req);
      await updateYear(w, req.params.schoolYear, req.body.firstDay);
      return board(w.actor.districtId, req.params.schoolYear);
    },
  );

  app.post(
    '/api/readiness/years/:schoolYear/apply-template',
    {
      config: { permission: 'systems.manage' },
      schema: {
        tags,
        summary: 'Add the default checklist to tier-1 and tier-2 systems (items already there are kept)',
        params: yearParams,
        body: applyTemplateSchema,
        response: { 200: z.object({ created: z.number().int(), board: readinessBoardSchema }), ...errors },
      },
    },
    async (req) => {
      const w = writer(req);
      const created = await applyTemplate(w, req.params.schoolYear, req.body);
      return { created, board: await board(w.actor.districtId, req.params.schoolYear) };
    },
  );

  app.post(
    '/api/readiness/years/:schoolYear/items',
    {
      config: { permission: 'systems.manage' },
      schema: {
        tags,
        summary: 'Add an item to a system’s checklist',
        params: yearParams,
        body: readinessItemCreateSchema,
        response: { 201: readinessItemSchema, ...errors },
      },
    },
    async (req, reply) => {
      const w = writer(req);
      const id = await createItem(w, req.params.schoolYear, req.body);
      return reply.status(201).send(await item(w.actor.districtId, id));
    },
  );

  app.patch(
    '/api/readiness/items/:id',
    {
      config: { permission: 'systems.manage' },
      schema: {
        tags,
        summary: 'Change an item’s title, owner or due date',
        params: itemParams,
        body: readinessItemUpdateSchema,
        response: { 200: readinessItemSchema, ...errors },
      },
    },
    async (req) => {
      const w = writer(req);
      await updateItem(w, req.params.id, req.body);
      return item(w.actor.districtId, req.params.id);
    },
  );

  // Read permission only: the service lets the item's owner through, and anyone else needs systems.manage.
  app.put(
    '/api/readiness/items/:id/done',
    {
      config: { permission: 'systems.read' },
      schema: {
        tags,
        summary: 'Mark an item done, with evidence (its owner or a systems manager)',
        params: itemParams,
        body: readinessDoneSchema,
        response: { 200: readinessItemSchema, ...errors },
      },
    },
    async (req) => {
      const w = writer(req);
      await setItemDone(w, req.params.id, req.body.evidence);
      return item(w.actor.districtId, req.params.id);
    },
  );

  app.delete(
    '/api/readiness/items/:id/done',
    {
      config: { permission: 'systems.read' },
      schema: {
        tags,
        summary: 'Open a done item again (its owner or a systems manager)',
        params: itemParams,
        response: { 200: readinessItemSchema, ...errors },
      },
    },
    async (req) => {
      const w = writer(req);
      await setItemDone(w, req.params.id, null);
      return item(w.actor.districtId, req.params.id);
    },
  );

  app.delete(
    '/api/readiness/items/:id',
    {
      config: { permission: 'systems.manage' },
      schema: { tags, summary: 'Remove an item', params: itemParams, response: { 200: z.object({ ok: z.literal(true) }), ...errors } },
    },
    async (req) => {
      await deleteItem(writer(req), req.params.id);
      return { ok: true as const };
    },
  );
};
