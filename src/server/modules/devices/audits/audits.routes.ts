import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  auditDevicesPageSchema,
  auditDevicesQuerySchema,
  auditScanRequestSchema,
  auditScanResultSchema,
  deviceAuditCloseSchema,
  deviceAuditCreateSchema,
  deviceAuditSchema,
  deviceAuditsPageSchema,
  deviceAuditsQuerySchema,
  deviceAuditUpdateSchema,
} from '../../../../shared/api/device-audits';
import { errorBodySchema } from '../../../../shared/errors';
import { requestContext, requireActor } from '../../../platform/http/auth.plugin';
import { authorFromRequest } from '../device-author';
import { getAudit } from './audits.repository';
import { listAuditDevices, listAudits } from './list-audits';
import { scheduleAudit, updateAudit } from './schedule-audit';
import { scanAudit } from './scan-audit';
import { closeAudit } from './close-audit';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };
const idParams = z.object({ id: z.uuid() });

/** Physical audits per school: schedule, scan to mark seen, what was not seen, close, history. */
export const deviceAuditRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;
  const author = (req: Parameters<typeof requestContext>[0]) => authorFromRequest({ ...requestContext(req), actor: requireActor(req) });

  app.get(
    '/api/devices/audits',
    {
      config: { permission: 'devices.read' },
      schema: {
        tags: ['devices'],
        summary: 'Physical audits with their counts, open ones first then newest due (a principal: their schools)',
        querystring: deviceAuditsQuerySchema,
        response: { 200: deviceAuditsPageSchema, ...errors },
      },
    },
    async (req) => ({ ...(await listAudits(db, requireActor(req), req.query)), page: req.query.page, pageSize: req.query.pageSize }),
  );

  app.post(
    '/api/devices/audits',
    {
      config: { permission: 'devices.manage' },
      schema: {
        tags: ['devices'],
        summary: 'Schedule a physical audit of a school’s devices',
        body: deviceAuditCreateSchema,
        response: { 201: deviceAuditSchema, ...errors },
      },
    },
    async (req, reply) => {
      const id = await db.transaction((tx) => scheduleAudit(tx, author(req), req.body));
      return reply.status(201).send(await getAudit(db, requireActor(req), id));
    },
  );

  app.get(
    '/api/devices/audits/:id',
    {
      config: { permission: 'devices.read' },
      schema: {
        tags: ['devices'],
        summary: 'One audit with its counts: expected, seen here, seen but belonging elsewhere, missing',
        params: idParams,
        response: { 200: deviceAuditSchema, ...errors },
      },
    },
    async (req) => getAudit(db, requireActor(req), req.params.id),
  );

  app.patch(
    '/api/devices/audits/:id',
    {
      config: { permission: 'devices.manage' },
      schema: {
        tags: ['devices'],
        summary: 'Rename or reschedule an open audit',
        params: idParams,
        body: deviceAuditUpdateSchema,
        response: { 200: deviceAuditSchema, ...errors },
      },
    },
    async (req) => {
      await db.transaction((tx) => updateAudit(tx, author(req), req.params.id, req.body));
      return getAudit(db, requireActor(req), req.params.id);
    },
  );

  app.post(
    '/api/devices/audits/:id/scan',
    {
      config: { permission: 'devices.manage' },
      schema: {
        tags: ['devices'],
        summary:
          'Mark a device seen by its asset tag or serial (either case); answers seen_here, seen_elsewhere, already_seen or unknown_tag with the audit’s counts',
        params: idParams,
        body: auditScanRequestSchema,
        response: { 200: auditScanResultSchema, ...errors },
      },
    },
    async (req) => scanAudit(db, author(req), req.params.id, req.body.tag),
  );

  app.get(
    '/api/devices/audits/:id/devices',
    {
      config: { permission: 'devices.read' },
      schema: {
        tags: ['devices'],
        summary: 'The devices of an audit by outcome: missing (expected, not seen; the default), seen_here or seen_elsewhere',
        params: idParams,
        querystring: auditDevicesQuerySchema,
        response: { 200: auditDevicesPageSchema, ...errors },
      },
    },
    async (req) => ({
      ...(await listAuditDevices(db, requireActor(req), req.params.id, req.query)),
      page: req.query.page,
      pageSize: req.query.pageSize,
    }),
  );

  app.post(
    '/api/devices/audits/:id/close',
    {
      config: { permission: 'devices.manage' },
      schema: {
        tags: ['devices'],
        summary: 'Close an audit: its counts and the list of devices not seen are frozen',
        params: idParams,
        body: deviceAuditCloseSchema,
        response: { 200: deviceAuditSchema, ...errors },
      },
    },
    async (req) => {
      await db.transaction((tx) => closeAudit(tx, author(req), req.params.id, req.body.note));
      return getAudit(db, requireActor(req), req.params.id);
    },
  );
};
