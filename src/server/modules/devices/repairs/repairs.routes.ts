import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { lendLoanerSchema, returnLoanerSchema } from '../../../../shared/api/device-loaners';
import {
  repairCreateSchema,
  repairPartUseSchema,
  repairPatchSchema,
  repairResultSchema,
  repairsPageSchema,
  repairsQuerySchema,
  repairStatusChangeSchema,
  repairDetailSchema,
} from '../../../../shared/api/device-repairs';
import { errorBodySchema } from '../../../../shared/errors';
import { requestContext, requireActor } from '../../../platform/http/auth.plugin';
import { authorFromRequest } from '../device-author';
import { asRepairConflict } from './repairs-conflict';
import { getRepair } from './get-repair';
import { listRepairs } from './list-repairs';
import { openRepair } from './open-repair';
import { addRepairPart, updateRepair } from './update-repair';
import { changeRepairStatus } from './change-repair-status';
import { lendLoaner } from './lend-loaner';
import { returnLoaner } from './return-loaner';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };
const idParams = z.object({ id: z.uuid() });

/** Repairs: open one on a device, parts used, vendor and pickup, a loaner with it, close it. */
export const repairRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;
  const author = (req: Parameters<typeof requestContext>[0]) => authorFromRequest({ ...requestContext(req), actor: requireActor(req) });

  app.get(
    '/api/devices/repairs',
    {
      config: { permission: 'devices.read' },
      schema: {
        tags: ['devices'],
        summary: 'Repairs, newest first; filter by status, school, student or device (a principal: their schools)',
        querystring: repairsQuerySchema,
        response: { 200: repairsPageSchema, ...errors },
      },
    },
    async (req) => ({ ...(await listRepairs(db, requireActor(req), req.query)), page: req.query.page, pageSize: req.query.pageSize }),
  );

  app.get(
    '/api/devices/repairs/:id',
    {
      config: { permission: 'devices.read' },
      schema: {
        tags: ['devices'],
        summary: 'One repair with its parts, loaners, pickup notices and fees',
        params: idParams,
        response: { 200: repairDetailSchema, ...errors },
      },
    },
    async (req) => getRepair(db, requireActor(req), req.params.id),
  );

  app.post(
    '/api/devices/:id/repairs',
    {
      config: { permission: 'devices.manage' },
      schema: {
        tags: ['devices'],
        summary:
          'Open a repair: the device goes to in repair through the status machine (checked in as damaged if someone has it); parts used are taken from stock',
        params: idParams,
        body: repairCreateSchema,
        response: { 201: repairResultSchema, ...errors },
      },
    },
    async (req, reply) => {
      const out = await db.transaction((tx) => openRepair(tx, author(req), req.params.id, req.body)).catch(asRepairConflict);
      const repair = await getRepair(db, requireActor(req), out.repairId);
      return reply.status(201).send({ repair, warnings: out.warnings, pickupNotice: null });
    },
  );

  app.patch(
    '/api/devices/repairs/:id',
    {
      config: { permission: 'devices.manage' },
      schema: {
        tags: ['devices'],
        summary: 'Change a repair in progress: kind, description, vendor, labour cost, ticket reference',
        params: idParams,
        body: repairPatchSchema,
        response: { 200: repairDetailSchema, ...errors },
      },
    },
    async (req) => {
      await db.transaction((tx) => updateRepair(tx, author(req), req.params.id, req.body));
      return getRepair(db, requireActor(req), req.params.id);
    },
  );

  app.post(
    '/api/devices/repairs/:id/parts',
    {
      config: { permission: 'devices.manage' },
      schema: {
        tags: ['devices'],
        summary: 'Use a part in a repair, taken from a site’s stock in the same transaction (refused when the site has too few)',
        params: idParams,
        body: repairPartUseSchema,
        response: { 200: repairResultSchema, ...errors },
      },
    },
    async (req) => {
      const warnings = await db.transaction((tx) => addRepairPart(tx, author(req), req.params.id, req.body));
      return { repair: await getRepair(db, requireActor(req), req.params.id), warnings, pickupNotice: null };
    },
  );

  app.post(
    '/api/devices/repairs/:id/status',
    {
      config: { permission: 'devices.manage' },
      schema: {
        tags: ['devices'],
        summary:
          'Move a repair on: sent to vendor, ready for pickup (emails the student and guardians when SMTP is configured), closed or cancelled (the device goes back to whoever had it, or to stock)',
        params: idParams,
        body: repairStatusChangeSchema,
        response: { 200: repairResultSchema, ...errors },
      },
    },
    async (req) => {
      const mail = { jobs: app.jobs, configured: app.mailer.configured };
      const out = await db.transaction((tx) => changeRepairStatus(tx, author(req), req.params.id, req.body, mail)).catch(asRepairConflict);
      return { repair: await getRepair(db, requireActor(req), req.params.id), ...out };
    },
  );

  app.post(
    '/api/devices/repairs/:id/loaner',
    {
      config: { permission: 'devices.manage' },
      schema: {
        tags: ['devices'],
        summary: 'Lend a device from a loaner pool to the repair’s student until a due date (a check-out: holds apply)',
        params: idParams,
        body: lendLoanerSchema,
        response: { 200: repairResultSchema, ...errors },
      },
    },
    async (req) => {
      const warnings = await db.transaction((tx) => lendLoaner(tx, author(req), req.params.id, req.body)).catch(asRepairConflict);
      return { repair: await getRepair(db, requireActor(req), req.params.id), warnings, pickupNotice: null };
    },
  );

  app.post(
    '/api/devices/repairs/:id/loaner/return',
    {
      config: { permission: 'devices.manage' },
      schema: {
        tags: ['devices'],
        summary: 'Take back the loaner lent with a repair, with its condition',
        params: idParams,
        body: returnLoanerSchema,
        response: { 200: repairResultSchema, ...errors },
      },
    },
    async (req) => {
      const warnings = await db.transaction((tx) => returnLoaner(tx, author(req), req.params.id, req.body));
      return { repair: await getRepair(db, requireActor(req), req.params.id), warnings, pickupNotice: null };
    },
  );
};
