import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../app';
import { openPostgres, type Db } from '../../../db/client';
import { createTestApp, signIn, type TestApp } from '../../../../../test/helpers/app';
import { testEngine } from '../../../../../test/helpers/db';

async function until(what: string, ok: () => boolean, ms = 6000) {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

// PGlite is one process by construction; the election only exists on PostgreSQL.
describe.skipIf(testEngine === 'pglite')('scheduler leader election on PostgreSQL', () => {
  let t: TestApp;
  let secondDb: Db;
  let second: FastifyInstance;
  let target: http.Server;
  let hits = 0;

  beforeAll(async () => {
    target = http.createServer((_req, res) => {
      hits++;
      res.end('ok');
    });
    await new Promise<void>((r) => target.listen(0, '127.0.0.1', r));
    t = await createTestApp();
    secondDb = await openPostgres(t.testDb.url!, { max: 3 });
    second = await buildApp({ config: t.config, db: secondDb, logger: false });
    const it_ = await signIn(t.app, 'it@test.example.org');
    const url = `http://127.0.0.1:${(target.address() as AddressInfo).port}/health`;
    const res = await it_.inject({
      method: 'POST',
      url: '/api/systems',
      payload: { id: 'sso', name: 'Single sign-on', tier: 1, checks: [{ type: 'http', url, interval: '10s' }] },
    });
    expect(res.statusCode).toBe(201);
  });
  afterAll(async () => {
    await second.close();
    await secondDb.close();
    await t.close();
    target.close();
  });

  // The check last ran almost an interval ago, so whoever leads runs it within a second.
  const dueSoon = () => t.testDb.db.query("UPDATE system_checks SET last_checked_at = now() - interval '9300 milliseconds'");

  it('runs each check on one server only, and a standby takes over when the leader goes', async () => {
    await dueSoon();
    // The runtime starts in an onListen hook, which Fastify does not await.
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    await until('the first server to lead', () => t.app.systems.isLeader());
    await second.listen({ port: 0, host: '127.0.0.1' });
    await new Promise((r) => setTimeout(r, 300));
    expect(second.systems.isLeader()).toBe(false);
    expect(second.systems.scheduler.live().size).toBe(0);

    await until('the first run', () => hits >= 1);
    await new Promise((r) => setTimeout(r, 700));
    expect(hits).toBe(1); // two schedulers would have hit the server twice

    await t.app.close();
    await dueSoon();
    await until('the standby to take over', () => second.systems.isLeader());
    expect(second.systems.scheduler.live().size).toBe(1);
    await until('a run by the new leader', () => hits >= 2);
    await new Promise((r) => setTimeout(r, 500));
    expect(hits).toBe(2);
  });
});
