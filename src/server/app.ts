import Fastify, { type FastifyInstance } from 'fastify';
import compress from '@fastify/compress';
import rateLimit from '@fastify/rate-limit';
import type { Config } from './config';
import type { Db } from './db/client';
import './platform/http/types';
import { apiDocsPlugin } from './platform/http/api-docs.plugin';
import { zodSchemaController } from './platform/http/zod-schemas';
import { errorsPlugin } from './platform/http/errors.plugin';
import { securityHeadersPlugin } from './platform/http/security-headers.plugin';
import { authPlugin } from './platform/http/auth.plugin';
import { webPlugin } from './platform/http/web.plugin';
import { createMailer, type Mailer } from './platform/mail';
import { createJobQueue, type JobQueue } from './platform/jobs';
import { systemRoutes } from './modules/system/system.routes';
import { authRoutes } from './modules/auth/auth.routes';
import { oidcRoutes } from './modules/auth/oidc.routes';
import { peopleRoutes } from './modules/people/people.routes';
import { adminRoutes } from './modules/admin/admin.routes';
import { rosteringRoutes } from './modules/rostering/rostering.routes';
import { systemsPlugin } from './modules/systems/systems.plugin';
import { devicesPlugin } from './modules/devices/devices.plugin';
import { boardFirstPaint } from './modules/systems/status/board-first-paint';
import { fromRoot } from './paths';

export interface BuildAppOptions {
  config: Config;
  db: Db;
  mailer?: Mailer;
  jobs?: JobQueue;
  logger?: boolean;
  webRoot?: string;
}

/** Builds the whole application from plugins; the caller decides whether to listen. */
export async function buildApp(opts: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger === false ? false : { level: opts.config.logLevel },
    trustProxy: opts.config.trustProxy,
    bodyLimit: 5 * 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: false,
    schemaController: zodSchemaController,
  });

  app.decorate('config', opts.config);
  app.decorate('db', opts.db);
  app.decorate('mailer', opts.mailer ?? createMailer({ smtpUrl: opts.config.smtpUrl, from: opts.config.mailFrom, log: app.log }));
  app.decorate('jobs', opts.jobs ?? createJobQueue(opts.db, { onError: (err) => app.log.error({ err }, 'job failed') }));

  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
    // API answers are not cached unless a route says otherwise (the public status page does).
    if (req.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });

  await app.register(errorsPlugin);
  await app.register(securityHeadersPlugin);
  await app.register(rateLimit, { global: false });
  // gzip only: brotli at Node's default quality costs far more CPU than it saves bytes on JSON.
  await app.register(compress, { encodings: ['gzip'], threshold: 1024 });
  await app.register(apiDocsPlugin);
  await app.register(authPlugin);

  await app.register(systemRoutes);
  await app.register(authRoutes);
  await app.register(oidcRoutes);
  await app.register(peopleRoutes);
  await app.register(adminRoutes);
  await app.register(rosteringRoutes);
  await app.register(systemsPlugin);
  await app.register(devicesPlugin);

  await app.register(webPlugin, { root: opts.webRoot ?? fromRoot('dist/web'), firstPaints: { '/systems': boardFirstPaint(opts.db) } });
  return app;
}
