import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { deviceImportQuerySchema, deviceImportReportSchema } from '../../../shared/api/device-imports';
import { deviceLimits } from '../../../shared/api/devices';
import { errorBodySchema } from '../../../shared/errors';
import { AppError } from '../../platform/errors';
import { requestContext, requireActor } from '../../platform/http/auth.plugin';
import { authorFromRequest } from './device-author';
import { importDevices } from './import/import-devices';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 413: errorBodySchema };
const csvTypes = ['text/csv', 'application/csv', 'text/plain'];

/** CSV import of devices: the file is the request body. */
export const deviceImportRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;
  app.addContentTypeParser(csvTypes, { parseAs: 'buffer', bodyLimit: deviceLimits.importMaxBytes }, (_req, body, done) => done(null, body));

  app.post(
    '/api/devices/import',
    {
      config: { permission: 'devices.manage' },
      bodyLimit: deviceLimits.importMaxBytes,
      schema: {
        tags: ['devices'],
        summary:
          'Import devices from a CSV file (the body, Content-Type: text/csv); headers through an alias map, matched by serial; a file with any error changes nothing and the report names file, row, column and value',
        consumes: csvTypes,
        querystring: deviceImportQuerySchema,
        response: { 200: deviceImportReportSchema, ...errors },
      },
    },
    async (req) => {
      const author = authorFromRequest({ ...requestContext(req), actor: requireActor(req) });
      if (!Buffer.isBuffer(req.body)) {
        throw new AppError('validation_failed', 'Send the CSV file itself as the body, with Content-Type: text/csv');
      }
      return importDevices({ db, author, fileName: req.query.fileName ?? 'devices.csv', input: Readable.from([req.body]) });
    },
  );
};
