import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  badgeQuerySchema,
  badgeResultSchema,
  checkinResultSchema,
  checkinSchema,
  checkoutResultSchema,
  checkoutSchema,
  scanRequestSchema,
  scanResultSchema,
  undoRequestSchema,
  undoResultSchema,
} from '../../../shared/api/device-checkout';
import { agreementCreateSchema, agreementSchema, holdCreateSchema, holdReleaseSchema, holdSchema } from '../../../shared/api/device-holds';
import { errorBodySchema } from '../../../shared/errors';
import { requestContext, requireActor } from '../../platform/http/auth.plugin';
import { authorFromRequest } from './device-author';
import { assignmentById, deviceSummaryById } from './devices.repository';
import { checkoutDevice } from './checkout';
import { checkinDevice } from './checkin';
import { scan } from './scan';
import { lookupBadge } from './scan-badge';
import { undoScan } from './undo-scan';
import { listHolds, placeHold, releaseHold } from './holds';
import { agreementsOf, recordAgreement } from './agreements';
import { asConflict } from './unique-conflict';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };
const idParams = z.object({ id: z.uuid() });

/** Check-out and check-in, the scan station, holds and signed use agreements. */
export const deviceAssignmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;
  const author = (req: Parameters<typeof requestContext>[0]) => authorFromRequest({ ...requestContext(req), actor: requireActor(req) });

  app.post(
    '/api/devices/:id/checkout',
    {
      config: { permission: 'devices.manage' },
      schema: {
        tags: ['devices'],
        summary:
          'Check a device out to a student, staff member, cart or room; refused for a device not in stock, or a person with a hold unless overridden with a reason (audited)',
        params: idParams,
        body: checkoutSchema,
        response: { 200: checkoutResultSchema, ...errors },
      },
    },
    async (req) => {
      const a = author(req);
      return db
        .transaction(async (tx) => {
          const out = await checkoutDevice(tx, a, req.params.id, req.body);
          return {
            device: (await deviceSummaryById(tx, a.districtId, req.params.id))!,
            assignment: await assignmentById(tx, out.assignmentId),
            undoToken: out.eventId,
            warnings: out.warnings,
          };
        })
        .catch(asConflict);
    },
  );

  app.post(
    '/api/devices/:id/checkin',
    {
      config: { permission: 'devices.manage' },
      schema: {
        tags: ['devices'],
        summary: 'Check a device in with its condition: back to stock, or to repair when damaged',
        params: idParams,
        body: checkinSchema,
        response: { 200: checkinResultSchema, ...errors },
      },
    },
    async (req) => {
      const a = author(req);
      return db.transaction(async (tx) => {
        const back = await checkinDevice(tx, a, req.params.id, req.body);
        return {
          device: (await deviceSummaryById(tx, a.districtId, req.params.id))!,
          assignment: await assignmentById(tx, back.assignmentId),
          undoToken: back.eventId,
          missingAccessories: back.missingAccessories,
        };
      });
    },
  );

  app.post(
    '/api/devices/scan',
    {
      config: { permission: 'devices.manage' },
      schema: {
        tags: ['devices'],
        summary:
          'The scan station: a badge and a device tag, checked out or in in one step; a mistake answers result "refused" with a reason and changes nothing',
        body: scanRequestSchema,
        response: { 200: scanResultSchema, ...errors },
      },
    },
    async (req) => scan(db, author(req), req.body).catch(asConflict),
  );

  app.get(
    '/api/devices/scan/badge',
    {
      config: { permission: 'devices.manage' },
      schema: {
        tags: ['devices'],
        summary: 'The scan station’s first step: whose badge this is, what they hold now and any hold (person null when nobody matches)',
        querystring: badgeQuerySchema,
        response: { 200: badgeResultSchema, ...errors },
      },
    },
    async (req) => lookupBadge(db, { ...requestContext(req), actor: requireActor(req) }, req.query.id),
  );

  app.post(
    '/api/devices/scan/undo',
    {
      config: { permission: 'devices.manage' },
      schema: {
        tags: ['devices'],
        summary: 'Undo one of your own check-outs or check-ins of the last few minutes, if nothing has changed since',
        body: undoRequestSchema,
        response: { 200: undoResultSchema, ...errors },
      },
    },
    async (req) => {
      const a = author(req);
      return db
        .transaction(async (tx) => {
          const { deviceId } = await undoScan(tx, a, req.body.undoToken);
          const device = (await deviceSummaryById(tx, a.districtId, deviceId))!;
          return {
            result: 'undone' as const,
            message: `Undone: ${device.assetTag ?? device.serial} is ${device.status.replace('_', ' ')}`,
            device,
          };
        })
        .catch(asConflict);
    },
  );

  app.get(
    '/api/devices/holds',
    {
      config: { permission: 'devices.read' },
      schema: {
        tags: ['devices'],
        summary: 'Holds on issuing devices (active ones unless all=true), for people the caller may see',
        querystring: z.object({ personId: z.uuid().optional(), all: z.enum(['true', 'false']).optional() }),
        response: { 200: z.object({ items: z.array(holdSchema) }), ...errors },
      },
    },
    async (req) => ({ items: await listHolds(db, requireActor(req), { personId: req.query.personId, all: req.query.all === 'true' }) }),
  );

  app.post(
    '/api/devices/holds',
    {
      config: { permission: 'devices.manage' },
      schema: {
        tags: ['devices'],
        summary: 'Place a hold: no new device is issued to the person until it is released or overridden with a reason',
        body: holdCreateSchema,
        response: { 201: holdSchema, ...errors },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const id = await db.transaction((tx) => placeHold(tx, author(req), req.body));
      const hold = (await listHolds(db, actor, { personId: req.body.personId, all: true })).find((h) => h.id === id)!;
      return reply.status(201).send(hold);
    },
  );

  app.post(
    '/api/devices/holds/:id/release',
    {
      config: { permission: 'devices.manage' },
      schema: {
        tags: ['devices'],
        summary: 'Release a hold, with a reason',
        params: idParams,
        body: holdReleaseSchema,
        response: { 200: z.object({ ok: z.literal(true) }), ...errors },
      },
    },
    async (req) => {
      await db.transaction((tx) => releaseHold(tx, author(req), req.params.id, req.body.reason));
      return { ok: true as const };
    },
  );

  app.post(
    '/api/devices/agreements',
    {
      config: { permission: 'devices.manage' },
      schema: {
        tags: ['devices'],
        summary: 'Record a signed use agreement: who signed (the student or a guardian), which version, when',
        body: agreementCreateSchema,
        response: { 201: agreementSchema, ...errors },
      },
    },
    async (req, reply) => {
      const a = author(req);
      const id = await db.transaction((tx) => recordAgreement(tx, a, req.body));
      const agreement = (await agreementsOf(db, a.districtId, req.body.personId)).find((x) => x.id === id)!;
      return reply.status(201).send(agreement);
    },
  );
};
