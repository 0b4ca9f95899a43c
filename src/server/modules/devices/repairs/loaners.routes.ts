import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  loanerPoolAddSchema,
  loanerPoolItemSchema,
  loanerPoolQuerySchema,
  overdueLoanSchema,
  overdueQuerySchema,
} from '../../../../shared/api/device-loaners';
import { errorBodySchema } from '../../../../shared/errors';
import { requestContext, requireActor } from '../../../platform/http/auth.plugin';
import { authorFromRequest } from '../device-author';
import { addToLoanerPool, listLoanerPool, removeFromLoanerPool } from './loaner-pool';
import { overdueLoans } from './overdue-loans';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };
const deviceParams = z.object({ deviceId: z.uuid() });

/** Loaner pools per school and the overdue list. */
export const loanerRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;
  const author = (req: Parameters<typeof requestContext>[0]) => authorFromRequest({ ...requestContext(req), actor: requireActor(req) });

  app.get(
    '/api/devices/loaners',
    {
      config: { permission: 'devices.read' },
      schema: {
        tags: ['devices'],
        summary: 'The loaner pools (a principal: their schools’), each device with its loan in progress',
        querystring: loanerPoolQuerySchema,
        response: { 200: z.object({ items: z.array(loanerPoolItemSchema) }), ...errors },
      },
    },
    async (req) => ({ items: await listLoanerPool(db, requireActor(req), req.query) }),
  );

  app.get(
    '/api/devices/loaners/overdue',
    {
      config: { permission: 'devices.read' },
      schema: {
        tags: ['devices'],
        summary: 'Loaners past their due date and not back, longest overdue first (a principal: their schools)',
        querystring: overdueQuerySchema,
        response: { 200: z.object({ items: z.array(overdueLoanSchema) }), ...errors },
      },
    },
    async (req) => ({ items: await overdueLoans(db, requireActor(req), req.query) }),
  );

  app.put(
    '/api/devices/loaners/:deviceId',
    {
      config: { permission: 'devices.manage' },
      schema: {
        tags: ['devices'],
        summary: 'Put a device in a school’s loaner pool, or move it to another school’s',
        params: deviceParams,
        body: loanerPoolAddSchema,
        response: { 200: z.object({ ok: z.literal(true) }), ...errors },
      },
    },
    async (req) => {
      await db.transaction((tx) => addToLoanerPool(tx, author(req), req.params.deviceId, req.body.schoolId));
      return { ok: true as const };
    },
  );

  app.delete(
    '/api/devices/loaners/:deviceId',
    {
      config: { permission: 'devices.manage' },
      schema: {
        tags: ['devices'],
        summary: 'Take a device out of the loaner pools',
        params: deviceParams,
        response: { 200: z.object({ ok: z.literal(true) }), ...errors },
      },
    },
    async (req) => {
      await db.transaction((tx) => removeFromLoanerPool(tx, author(req), req.params.deviceId));
      return { ok: true as const };
    },
  );
};
