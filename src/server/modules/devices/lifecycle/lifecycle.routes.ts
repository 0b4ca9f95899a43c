import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { coverageSchema, forecastQuerySchema, lifecycleSchema, refreshForecastSchema } from '../../../../shared/api/device-reports';
import { errorBodySchema } from '../../../../shared/errors';
import type { Actor } from '../../../platform/actor';
import { requireActor } from '../../../platform/http/auth.plugin';
import type { Params } from '../../../platform/sql';
import { countedDevices } from '../device-scope';
import { refreshForecast } from './refresh-forecast';
import { lifecycleByModel } from './lifecycle-by-model';
import { deviceCoverage } from './coverage';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema };

/** The caller's device-count scope (a principal: their schools), for the services that take a predicate. */
const scopeOf = (actor: Actor) => (alias: string, params: Params) => countedDevices(actor, alias, params);

/** Fleet reports in counts and money, no names: lifecycle by model, the refresh forecast, 1:1 coverage. */
export const deviceLifecycleRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  app.get(
    '/api/devices/lifecycle',
    {
      config: { permission: 'devices.summary' },
      schema: {
        tags: ['devices'],
        summary: 'Devices in service by model: count, age, AUE (the device’s own, else the model’s) and end of life',
        querystring: z.object({ schoolId: z.uuid().optional() }),
        response: { 200: lifecycleSchema, ...errors },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return lifecycleByModel(db, actor.districtId, { schoolId: req.query.schoolId, scope: scopeOf(actor) });
    },
  );

  app.get(
    '/api/devices/forecast',
    {
      config: { permission: 'devices.summary' },
      schema: {
        tags: ['devices'],
        summary:
          'Refresh forecast by school year (July–June): devices reaching AUE or end of life and their replacement cost, by model and in total; overdue, beyond the horizon and unknown dates counted apart',
        querystring: forecastQuerySchema,
        response: { 200: refreshForecastSchema, ...errors },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return refreshForecast(db, actor.districtId, { ...req.query, scope: scopeOf(actor) });
    },
  );

  app.get(
    '/api/devices/coverage',
    {
      config: { permission: 'devices.summary' },
      schema: {
        tags: ['devices'],
        summary: '1:1 coverage by school: enrolled students, students with a device, devices in repair, lost, stolen, on loan, in stock',
        response: { 200: coverageSchema, ...errors },
      },
    },
    async (req) => deviceCoverage(db, requireActor(req)),
  );
};
