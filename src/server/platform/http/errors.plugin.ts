import fp from 'fastify-plugin';
import type { FastifyError } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../errors';
import type { ErrorBody } from '../../../shared/errors';

function fieldFromPath(instancePath: string | undefined, missing?: unknown): string | undefined {
  const fromPath = (instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
  if (fromPath) return fromPath;
  return typeof missing === 'string' ? missing : undefined;
}

/** One place that turns every error into `{"error":{code,message,field}}`; unknown errors become a logged 500. */
export const errorsPlugin = fp(
  async (app) => {
    app.setErrorHandler((err: FastifyError, req, reply) => {
      const send = (status: number, error: ErrorBody['error'], headers: Record<string, string> = {}) =>
        reply
          .status(status)
          .headers(headers)
          .send({ error: { ...error, requestId: req.id } } satisfies ErrorBody);

      if (err instanceof AppError) {
        if (err.status >= 500) req.log.error({ err }, 'app error');
        return send(
          err.status,
          { code: err.code, message: err.message, field: err.options.field, details: err.options.details },
          err.options.headers,
        );
      }
      if (hasZodFastifySchemaValidationErrors(err)) {
        const first = err.validation[0];
        const field = fieldFromPath(first?.instancePath, first?.params?.missingProperty);
        const where = err.validationContext ?? 'request';
        return send(400, {
          code: 'validation_failed',
          message: field ? `${field}: ${first?.message ?? 'is invalid'}` : `Invalid ${where}: ${first?.message ?? 'is invalid'}`,
          field,
          details: err.validation.map((v) => ({ field: fieldFromPath(v.instancePath), message: v.message })),
        });
      }
      if (err.statusCode === 429) {
        return send(429, { code: 'rate_limited', message: 'Too many requests. Wait a minute and try again.' });
      }
      if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
        return send(413, { code: 'payload_too_large', message: 'The request body is too large' });
      }
      if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
        return send(err.statusCode, { code: err.statusCode === 404 ? 'not_found' : 'validation_failed', message: err.message });
      }
      req.log.error({ err, reqId: req.id }, 'unhandled error');
      return send(500, { code: 'internal_error', message: 'Something went wrong on our side. Quote the request id when reporting it.' });
    });
  },
  { name: 'errors' },
);
