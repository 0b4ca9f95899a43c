import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../../../../test/helpers/app';
import { createScheduler } from './scheduler';

// The scheduler in real time (started), as the server runs it: checks start on a half-second grid.
let t: TestApp;
let target: http.Server;
const requests: number[] = [];

beforeAll(async () => {
  target = http.createServer((_req, res) => {
    requests.push(Date.now());
    res.end('ok');
  });
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(target.address() as AddressInfo).port}/`;
  t = await createTestApp();
  const admin = await signIn(t.app, 'admin@test.example.org');
  const yaml = `systems:
  - id: sis
    name: Student information system
    tier: 1
    checks: [{ type: http, url: "${url}", interval: 10s }]
  - id: lms
    name: Learning management system
    tier: 1
    checks: [{ type: http, url: "${url}", interval: 10200ms }]
  - id: wifi
    name: Wi-Fi controllers
    tier: 2
    checks: [{ type: http, url: "${url}", interval: 15s }]
`;
  const res = await admin.inject({ method: 'POST', url: '/api/systems/import', payload: { yaml } });
  expect(res.statusCode).toBe(200);
});
afterAll(async () => {
  await t.close();
  await new Promise((resolve) => target.close(resolve));
});

describe('the check scheduler in real time', () => {
  it('starts checks on the half-second grid, never sooner than their interval asks', async () => {
    const errors: unknown[] = [];
    const scheduler = createScheduler({
      db: t.testDb.db,
      onStateChange: async () => {},
      onError: (err) => errors.push(err),
      random: () => 0, // every first run due now
    });
    const loadedAt = Date.now();
    await scheduler.load(loadedAt);
    scheduler.start();
    try {
      const deadline = Date.now() + 5000;
      while (scheduler.stats().runs < 3 || scheduler.stats().running > 0) {
        if (Date.now() > deadline) throw new Error(`only ${scheduler.stats().runs} of 3 checks ran`);
        await new Promise((r) => setTimeout(r, 20));
      }
    } finally {
      await scheduler.stop();
    }
    expect(errors).toEqual([]);
    expect(requests).toHaveLength(3);
    for (const c of scheduler.live().values()) {
      expect(c.state).toBe('up');
      expect(c.nextAt % 500).toBe(0);
      // The first run was due at load; the next is its interval later, moved up to the grid.
      expect(c.nextAt).toBeGreaterThanOrEqual(loadedAt + c.spec.interval);
      expect(c.nextAt).toBeLessThan(loadedAt + c.spec.interval + 500);
    }
    const { rows } = await t.testDb.db.query<{ n: number }>('SELECT count(*)::int AS n FROM check_results');
    expect(rows[0]!.n).toBe(3);
  });
});
