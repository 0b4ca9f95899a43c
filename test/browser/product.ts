import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import type { MailMessage, Mailer } from '../../src/server/platform/mail';
import { createTestDb } from '../helpers/db';
import { seedFixture, type Fixture } from '../helpers/fixture';
import { webBuildDir } from './paths';

export interface Product {
  /** http://127.0.0.1:<port> */
  url: string;
  app: FastifyInstance;
  fixture: Fixture;
  /** Every email the server "sent". */
  mail: MailMessage[];
  close(): Promise<void>;
}

/** The whole product — the real server with the built web app — on a fresh test database and a free port. */
export async function startProduct(env: Record<string, string> = {}): Promise<Product> {
  const config = loadConfig({ LOG_LEVEL: 'silent', DEMO: '0', LOGIN_RATE_PER_MINUTE: '1000', ...env });
  const testDb = await createTestDb();
  const fixture = await seedFixture(testDb.db);
  const mail: MailMessage[] = [];
  const mailer: Mailer = {
    configured: true,
    async send(m) {
      mail.push(m);
      return true;
    },
    close() {},
  };
  const app = await buildApp({ config, db: testDb.db, mailer, logger: false, webRoot: webBuildDir });
  await app.listen({ port: 0, host: '127.0.0.1' });
  // Background jobs (roster imports) run as they do under `npm start`.
  await app.jobs.start();
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    fixture,
    mail,
    async close() {
      await app.jobs.stop();
      await app.close();
      await testDb.close();
    },
  };
}
