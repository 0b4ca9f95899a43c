import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/server/app';
import { loadConfig, type Config } from '../../src/server/config';
import type { Mailer } from '../../src/server/platform/mail';
import { createTestDb, type TestDb } from './db';
import { PASSWORD, seedFixture, type Fixture } from './fixture';

export interface TestApp {
  app: FastifyInstance;
  testDb: TestDb;
  fixture: Fixture;
  config: Config;
  close(): Promise<void>;
}

export async function createTestApp(
  opts: { env?: Record<string, string>; mailer?: Mailer; seed?: boolean; webRoot?: string } = {},
): Promise<TestApp> {
  const config = loadConfig({ LOG_LEVEL: 'silent', DEMO: '0', LOGIN_RATE_PER_MINUTE: '1000', ...opts.env });
  const testDb = await createTestDb();
  const fixture = opts.seed === false ? (undefined as unknown as Fixture) : await seedFixture(testDb.db);
  const app = await buildApp({ config, db: testDb.db, mailer: opts.mailer, logger: false, webRoot: opts.webRoot });
  await app.ready();
  return {
    app,
    testDb,
    fixture,
    config,
    async close() {
      await app.close();
      await testDb.close();
    },
  };
}

/** A signed-in client: the session cookie and CSRF token a browser would hold. */
export interface Client {
  cookie: string;
  csrf: string;
  inject(o: InjectOptions): Promise<LightMyRequestResponse>;
}

export async function signIn(app: FastifyInstance, email: string, password = PASSWORD): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in as ${email} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'dops_session')!;
  const csrf = res.json<{ me: { csrfToken: string } }>().me.csrfToken;
  const header = `dops_session=${cookie.value}`;
  return {
    cookie: header,
    csrf,
    inject: (o) => app.inject({ ...o, headers: { cookie: header, 'x-csrf-token': csrf, ...(o.headers ?? {}) } }),
  };
}
