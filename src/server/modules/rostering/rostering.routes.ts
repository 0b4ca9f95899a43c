import type { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  rosterImportSchema,
  rosterImportsPageSchema,
  rosterImportsQuerySchema,
  rosterLimits,
  rosterUploadQuerySchema,
  rosterUploadResponseSchema,
} from '../../../shared/api/rostering';
import { errorBodySchema } from '../../../shared/errors';
import { AppError } from '../../platform/errors';
import { auditFrom, writeAudit } from '../../platform/audit';
import { requestContext, requireActor } from '../../platform/http/auth.plugin';
import { ROSTER_IMPORT_QUEUE, registerImportWorker, type ImportJobPayload } from './import-job';
import { createImportRecord, finishImportRecord, getImport, listImports, setImportJob } from './imports.repository';
import { deleteUpload, storeUpload } from './upload-store';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 413: errorBodySchema };
const zipTypes = ['application/zip', 'application/x-zip-compressed', 'application/octet-stream'];

/** OneRoster imports for district administrators: upload a zip, follow its progress, read the history. */
export const rosteringRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;
  registerImportWorker(app);

  // The zip arrives as the raw request body and is streamed to storage: never parsed, never buffered whole.
  app.addContentTypeParser(zipTypes, (_req, payload, done) => done(null, payload));

  app.post(
    '/api/rostering/imports',
    {
      config: { permission: 'roster.import' },
      bodyLimit: rosterLimits.uploadMaxBytes,
      schema: {
        tags: ['rostering'],
        summary:
          'Upload a OneRoster 1.1 or 1.2 export (the zip as the request body, Content-Type: application/zip); the import runs in the background',
        consumes: zipTypes,
        querystring: rosterUploadQuerySchema,
        response: { 202: rosterUploadResponseSchema, ...errors },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const ctx = requestContext(req);
      const fileName = req.query.fileName ?? 'upload.zip';
      const importId = await createImportRecord(db, {
        districtId: actor.districtId,
        source: 'upload',
        actorAccountId: actor.accountId,
        actorLabel: actor.label,
        fileName,
      });
      try {
        await storeUpload(db, {
          importId,
          districtId: actor.districtId,
          body: req.body as Readable,
          maxBytes: rosterLimits.uploadMaxBytes,
        });
      } catch (err) {
        const message = err instanceof AppError ? err.message : 'The upload was interrupted';
        await deleteUpload(db, importId);
        await finishImportRecord(db, importId, {
          status: 'failed',
          districtId: actor.districtId,
          version: null,
          files: [],
          counts: {},
          errors: [{ file: fileName, row: null, column: null, value: null, message }],
          errorsTruncated: false,
          warnings: [],
        });
        throw err;
      }
      const payload: ImportJobPayload = {
        importId,
        districtId: actor.districtId,
        actor: { accountId: actor.accountId, tokenId: actor.tokenId, label: actor.label },
        request: { ip: ctx.ip, userAgent: ctx.userAgent, requestId: ctx.requestId },
      };
      await db.transaction(async (tx) => {
        const jobId = await app.jobs.enqueue(ROSTER_IMPORT_QUEUE, payload, { districtId: actor.districtId, maxAttempts: 2 }, tx);
        await setImportJob(tx, importId, jobId);
        await writeAudit(
          tx,
          auditFrom(ctx, { action: 'roster.import.queued', entityType: 'roster_import', entityId: importId, details: { fileName } }),
        );
      });
      const created = await getImport(db, actor.districtId, importId);
      return reply.status(202).send({ import: created! });
    },
  );

  app.get(
    '/api/rostering/imports',
    {
      config: { permission: 'roster.import' },
      schema: {
        tags: ['rostering'],
        summary: 'The district’s imports, newest first: who, when, files and hashes, counts, result',
        querystring: rosterImportsQuerySchema,
        response: { 200: rosterImportsPageSchema, ...errors },
      },
    },
    async (req) => {
      const { page, pageSize } = req.query;
      return { ...(await listImports(db, requireActor(req).districtId, page, pageSize)), page, pageSize };
    },
  );

  app.get(
    '/api/rostering/imports/:id',
    {
      config: { permission: 'roster.import' },
      schema: {
        tags: ['rostering'],
        summary: 'One import: status and progress while it runs, then counts or errors (poll this for the progress bar)',
        params: z.object({ id: z.uuid() }),
        response: { 200: rosterImportSchema, ...errors },
      },
    },
    async (req) => {
      const found = await getImport(db, requireActor(req).districtId, req.params.id);
      if (!found) throw new AppError('not_found', 'Import not found');
      return found;
    },
  );
};
