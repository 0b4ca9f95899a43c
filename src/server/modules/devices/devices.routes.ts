import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { myDevicesSchema, personDevicesSchema } from '../../../shared/api/device-people';
import {
  deviceCreateSchema,
  deviceDetailSchema,
  devicesPageSchema,
  devicesQuerySchema,
  deviceSummaryCountsSchema,
  deviceUpdateSchema,
  statusChangeSchema,
} from '../../../shared/api/devices';
import { errorBodySchema } from '../../../shared/errors';
import { requestContext, requireActor } from '../../platform/http/auth.plugin';
import { authorFromRequest } from './device-author';
import { listDevices } from './list-devices';
import { getDevice } from './get-device';
import { createDevice, updateDevice } from './write-device';
import { changeStatus } from './change-status';
import { deviceCounts } from './device-counts';
import { myDevices } from './my-devices';
import { personDevices } from './person-devices';
import { asConflict } from './unique-conflict';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };
const idParams = z.object({ id: z.uuid() });

/** The inventory: search, one device with its history, add, edit, change status; counts; a person's devices. */
export const deviceInventoryRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;
  const author = (req: Parameters<typeof requestContext>[0]) => authorFromRequest({ ...requestContext(req), actor: requireActor(req) });

  app.get(
    '/api/devices',
    {
      config: { permission: 'devices.read' },
      schema: {
        tags: ['devices'],
        summary: 'Search devices by tag, serial or assignee; filter by status, school, model (a principal: their schools)',
        querystring: devicesQuerySchema,
        response: { 200: devicesPageSchema, ...errors },
      },
    },
    async (req) => ({ ...(await listDevices(db, requireActor(req), req.query)), page: req.query.page, pageSize: req.query.pageSize }),
  );

  app.get(
    '/api/devices/summary',
    {
      config: { permission: 'devices.summary' },
      schema: {
        tags: ['devices'],
        summary: 'Device counts by status and by school (no names)',
        response: { 200: deviceSummaryCountsSchema, ...errors },
      },
    },
    async (req) => deviceCounts(db, requireActor(req)),
  );

  app.get(
    '/api/devices/mine',
    {
      // Any signed-in person: the answer holds only their own devices and their children's.
      config: { permission: 'authenticated' },
      schema: {
        tags: ['devices'],
        summary: 'The devices I hold (a guardian: also my children’s), with the signed use agreement',
        response: { 200: myDevicesSchema, ...errors },
      },
    },
    async (req) => myDevices(db, requireActor(req)),
  );

  app.get(
    '/api/devices/people/:id',
    {
      config: { permission: 'devices.read' },
      schema: {
        tags: ['devices'],
        summary: 'A person’s devices: held now, every assignment and event, agreements and holds (audited for students)',
        params: idParams,
        response: { 200: personDevicesSchema, ...errors },
      },
    },
    async (req) => personDevices(db, { ...requestContext(req), actor: requireActor(req) }, req.params.id),
  );

  app.get(
    '/api/devices/:id',
    {
      config: { permission: 'devices.read' },
      schema: {
        tags: ['devices'],
        summary: 'One device with its assignments and full history',
        params: idParams,
        response: { 200: deviceDetailSchema, ...errors },
      },
    },
    async (req) => getDevice(db, requireActor(req), req.params.id),
  );

  app.post(
    '/api/devices',
    {
      config: { permission: 'devices.manage' },
      schema: {
        tags: ['devices'],
        summary: 'Add a device (asset tag and serial unique in the district)',
        body: deviceCreateSchema,
        response: { 201: deviceDetailSchema, ...errors },
      },
    },
    async (req, reply) => {
      const id = await db.transaction((tx) => createDevice(tx, author(req), req.body)).catch(asConflict);
      return reply.status(201).send(await getDevice(db, requireActor(req), id));
    },
  );

  app.patch(
    '/api/devices/:id',
    {
      config: { permission: 'devices.manage' },
      schema: {
        tags: ['devices'],
        summary: 'Change a device’s details (not its status); what changed is kept in its history',
        params: idParams,
        body: deviceUpdateSchema,
        response: { 200: deviceDetailSchema, ...errors },
      },
    },
    async (req) => {
      await db.transaction((tx) => updateDevice(tx, author(req), req.params.id, req.body)).catch(asConflict);
      return getDevice(db, requireActor(req), req.params.id);
    },
  );

  app.post(
    '/api/devices/:id/status',
    {
      config: { permission: 'devices.manage' },
      schema: {
        tags: ['devices'],
        summary: 'Change a device’s status; an illegal move is refused (409) naming both statuses and why',
        params: idParams,
        body: statusChangeSchema,
        response: { 200: deviceDetailSchema, ...errors },
      },
    },
    async (req) => {
      await db.transaction((tx) => changeStatus(tx, author(req), { deviceId: req.params.id, ...req.body }));
      return getDevice(db, requireActor(req), req.params.id);
    },
  );
};
