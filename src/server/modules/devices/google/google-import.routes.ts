import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { googleDeviceImportQuerySchema, googleDeviceImportReportSchema } from '../../../../shared/api/device-imports';
import { deviceLimits } from '../../../../shared/api/devices';
import { errorBodySchema } from '../../../../shared/errors';
import { AppError } from '../../../platform/errors';
import { requestContext, requireActor } from '../../../platform/http/auth.plugin';
import { authorFromRequest } from '../device-author';
import { importGoogleDevices } from './import-google-devices';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 413: errorBodySchema };
const csvTypes = ['text/csv', 'application/csv', 'text/plain'];

/** Google Admin's Chrome devices: the Directory API's JSON or the console's CSV export is the request body. */
export const googleDeviceImportRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;
  // The file is read here, not by Fastify's JSON parser, so a broken file gets a report naming it.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser(
    ['application/json', ...csvTypes],
    { parseAs: 'buffer', bodyLimit: deviceLimits.importMaxBytes },
    (_req, body, done) => done(null, body),
  );

  app.post(
    '/api/devices/import/google',
    {
      config: { permission: 'devices.manage' },
      bodyLimit: deviceLimits.importMaxBytes,
      schema: {
        tags: ['devices'],
        summary:
          'Reconcile devices with Google Admin (the body: Directory API chromeosdevices JSON, or the Admin console CSV export); ' +
          'matched by serial; flags devices not synced for staleDays before the file’s newest sync (when it was taken) and conflicts; a file with any error changes nothing',
        consumes: ['application/json', ...csvTypes],
        querystring: googleDeviceImportQuerySchema,
        response: { 200: googleDeviceImportReportSchema, ...errors },
      },
    },
    async (req) => {
      const author = authorFromRequest({ ...requestContext(req), actor: requireActor(req) });
      if (!Buffer.isBuffer(req.body)) {
        throw new AppError('validation_failed', 'Send the file itself as the body, with Content-Type: application/json or text/csv');
      }
      const type = (req.headers['content-type'] ?? '').toLowerCase();
      // text/plain says nothing about the format: the file's name or first character will.
      const format = type.startsWith('application/json') ? 'json' : type.includes('csv') ? 'csv' : undefined;
      return importGoogleDevices({
        db,
        author,
        fileName: req.query.fileName ?? req.query.filename ?? `chromeosdevices.${format ?? 'txt'}`,
        content: req.body,
        format,
        staleDays: req.query.staleDays,
      });
    },
  );
};
