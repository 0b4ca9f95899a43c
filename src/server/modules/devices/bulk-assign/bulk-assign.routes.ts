import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { deviceLimits } from '../../../../shared/api/devices';
import { bulkAssignQuerySchema, bulkAssignReportSchema } from '../../../../shared/api/device-bulk-assign';
import { errorBodySchema } from '../../../../shared/errors';
import { AppError } from '../../../platform/errors';
import { requestContext, requireActor } from '../../../platform/http/auth.plugin';
import { authorFromRequest } from '../device-author';
import { importAssignments } from './import-assignments';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 413: errorBodySchema };
const csvTypes = ['text/csv', 'application/csv', 'text/plain'];

/** Bulk check-out from a CSV file: the file is the request body. */
export const bulkAssignRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;
  app.addContentTypeParser(csvTypes, { parseAs: 'buffer', bodyLimit: deviceLimits.importMaxBytes }, (_req, body, done) => done(null, body));

  app.post(
    '/api/devices/assignments/import',
    {
      config: { permission: 'devices.manage' },
      bodyLimit: deviceLimits.importMaxBytes,
      schema: {
        tags: ['devices'],
        summary:
          'Check devices out from a CSV file (the body, Content-Type: text/csv): asset tag or serial, assignee and its type, condition, accessories, due date, hold override reason; a file with any error changes nothing and the report names file, row, column and value',
        consumes: csvTypes,
        querystring: bulkAssignQuerySchema,
        response: { 200: bulkAssignReportSchema, ...errors },
      },
    },
    async (req) => {
      const author = authorFromRequest({ ...requestContext(req), actor: requireActor(req) });
      if (!Buffer.isBuffer(req.body)) {
        throw new AppError('validation_failed', 'Send the CSV file itself as the body, with Content-Type: text/csv');
      }
      return importAssignments({ db, author, fileName: req.query.fileName ?? 'assignments.csv', input: Readable.from([req.body]) });
    },
  );
};
