import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Client, type TestApp } from '../../../../../test/helpers/app';
import type { BoardSystem, SystemDetail } from '../../../../shared/api/system-views';
import { uptimeWindows } from './uptime-windows';

let t: TestApp;
let admin: Client;
const H = 3_600_000;

beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t.app, 'admin@test.example.org');
  const yaml = `systems:
  - id: sso
    name: Single sign-on
    category: identity
    tier: 1
    owner: admin@test.example.org
    checks: [{ type: tcp, host: 127.0.0.1, port: 9, interval: 60s }]
  - id: lms
    name: Learning management system
    category: lms
    tier: 1
    owner: ${t.fixture.people.tess}
    dependsOn: [sso]
    checks: [{ type: tcp, host: 127.0.0.1, port: 9, interval: 60s }]
  - id: website
    name: District website
    category: website
    dependsOn: [{ id: sso, kind: soft }]
`;
  expect((await admin.inject({ method: 'POST', url: '/api/systems/import', payload: { yaml } })).statusCode).toBe(200);
});
afterAll(async () => t.close());

/** Sets what a system's checks last said, as the scheduler would after running them. */
async function setState(systemId: string, state: 'up' | 'down') {
  await t.testDb.db.query('UPDATE system_checks SET state = $2 WHERE district_id = $1 AND system_id = $3', [
    t.fixture.districtA,
    state,
    systemId,
  ]);
}

const board = async (client: Client) => (await client.inject({ method: 'GET', url: '/api/status' })).json<{ systems: BoardSystem[] }>();

describe('the status board (GET /api/status)', () => {
  it('gives each system its status, root cause, category, owner and dependencies in one answer', async () => {
    await setState('sso', 'down');
    await setState('lms', 'up');
    const { systems } = await board(admin);
    const byId = Object.fromEntries(systems.map((s) => [s.id, s]));
    expect(byId.sso).toMatchObject({ status: 'major_outage', impactedBy: [], category: 'identity', ownerName: 'admin', dependsOn: [] });
    expect(byId.lms).toMatchObject({
      status: 'major_outage',
      own: 'operational',
      impactedBy: ['sso'],
      category: 'lms',
      ownerName: 'Tess Teacher',
      dependsOn: [{ id: 'sso', kind: 'hard' }],
    });
    expect(byId.website).toMatchObject({
      status: 'degraded',
      degradedBy: ['sso'],
      ownerName: null,
      dependsOn: [{ id: 'sso', kind: 'soft' }],
    });
    expect(byId.website!.uptime).toEqual({ day: null, month: null });
    const summary = (await admin.inject({ method: 'GET', url: '/api/status/summary' })).json();
    expect(summary).toEqual({
      total: 3,
      counts: { down: 1, impacted: 1, degraded: 1, maintenance: 0, unknown: 0, operational: 0 },
    });
  });

  it('is for systems readers only: a board member reads it, a teacher is refused', async () => {
    expect((await board(await signIn(t.app, 'board@test.example.org'))).systems).toHaveLength(3);
    const teacher = await signIn(t.app, 'teacherTess@test.example.org');
    expect((await teacher.inject({ method: 'GET', url: '/api/status' })).statusCode).toBe(403);
    expect((await teacher.inject({ method: 'GET', url: '/api/status/summary' })).statusCode).toBe(403);
  });
});

describe('uptime over 24 hours, 30 and 90 days', () => {
  it('reads day rollups, then hour rollups, then raw results, counting each stretch once', async () => {
    const db = t.testDb.db;
    const districtId = t.fixture.districtA;
    const { rows } = await db.query<{ id: string }>("SELECT id FROM system_checks WHERE system_id = 'sso' AND district_id = $1", [
      districtId,
    ]);
    const checkId = rows[0]!.id;
    const now = Date.parse('2030-03-10T12:00:00Z');
    const rollup = (resolution: string, bucket: number, total: number, ok: number) =>
      db.query(
        `INSERT INTO check_rollups (district_id, check_id, resolution, bucket, total, ok, latency_sum, latency_max)
         VALUES ($1, $2, $3, $4, $5, $6, 0, 0)`,
        [districtId, checkId, resolution, new Date(bucket), total, ok],
      );
    const raw = (at: number, ok: boolean) =>
      db.query('INSERT INTO check_results (district_id, check_id, at, ok) VALUES ($1, $2, $3, $4)', [
        districtId,
        checkId,
        new Date(at),
        ok,
      ]);
    // Days up to 9 March: down before 9 February, up after. The day buckets end at midnight today.
    for (let day = Date.parse('2030-01-20T00:00:00Z'); day <= Date.parse('2030-03-09T00:00:00Z'); day += 24 * H) {
      await rollup('day', day, 100, day < Date.parse('2030-02-09T00:00:00Z') ? 0 : 100);
    }
    // Hours since noon yesterday: half failing yesterday (hours the 30-day figure must take from the
    // day bucket instead), all good today until 11:00.
    for (let hour = now - 24 * H; hour < now - H; hour += H) {
      await rollup('hour', hour, 60, hour < Date.parse('2030-03-10T00:00:00Z') ? 30 : 60);
    }
    // Raw results of the last hour, not rolled up yet: all failing. One older raw result is already in an hour.
    for (let at = now - H; at < now; at += 60_000) await raw(at, false);
    await raw(now - 90 * 60_000, false);

    const uptime = (await uptimeWindows(db, districtId, { now })).get('sso')!;
    expect(uptime.day).toBeCloseTo((360 + 660) / (720 + 660 + 60), 6);
    expect(uptime.month).toBeCloseTo((2900 + 660) / (2900 + 660 + 60), 6);
    expect(uptime.quarter).toBeCloseTo((2900 + 660) / (4900 + 660 + 60), 6);
    expect((await uptimeWindows(db, districtId, { now, systemId: 'lms' })).size).toBe(0);
  });
});

describe('a system’s page (GET /api/systems/:id)', () => {
  it('names the owner and lists the incidents that touched the system, newest first', async () => {
    for (const title of ['Sign-in outage', 'Courses slow']) {
      const res = await admin.inject({
        method: 'POST',
        url: '/api/incidents',
        payload: { title: { en: title, es: title }, systemIds: ['lms'], message: { en: 'Looking into it.', es: 'Lo revisamos.' } },
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const lms = (await admin.inject({ method: 'GET', url: '/api/systems/lms' })).json<SystemDetail>();
    expect(lms.owner).toEqual({ id: t.fixture.people.tess, kind: 'person', name: 'Tess Teacher', email: 'tess@example.org' });
    expect(lms.recentIncidents.map((i) => [i.title.en, i.status])).toEqual([
      ['Courses slow', 'investigating'],
      ['Sign-in outage', 'investigating'],
    ]);
    expect(lms.uptime).toEqual({ day: null, month: null, quarter: null });
    const sso = (await admin.inject({ method: 'GET', url: '/api/systems/sso' })).json<SystemDetail>();
    expect(sso.owner).toMatchObject({ kind: 'account', name: 'admin', email: 'admin@test.example.org' });
    expect(sso.recentIncidents).toEqual([]);
    expect(sso.uptime.quarter).not.toBeNull();
  });
});
