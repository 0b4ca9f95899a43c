import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Client, type TestApp } from '../../../../../test/helpers/app';
import type { Incident } from '../../../../shared/api/incidents';
import type { StatusPage } from '../../../../shared/api/status-page';
import { createApiToken } from '../../../platform/auth/api-tokens.service';
import { createHistoryKeeper } from '../history/rollups';
import { systemUptime } from '../history/uptime';

let t: TestApp;
let admin: Client;
let beatPath: string;
const H = 3_600_000;

beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t.app, 'admin@test.example.org');
  const yaml = `systems:
  - { id: sso, name: Okta tenant riverside-prod, tier: 1, audience: both, public: { en: Sign-in, es: Inicio de sesión } }
  - { id: payroll, name: Payroll, tier: 2, audience: staff, public: { en: Payroll, es: Nómina } }
  - { id: core-switch, name: Core switch 3, tier: 1, audience: hidden }
  - id: sync
    name: SIS to LMS sync
    tier: 2
    audience: families
    public: { en: Grades sync, es: Sincronización de notas }
    checks: [{ type: heartbeat, interval: 1d, grace: 30m }]
`;
  const res = await admin.inject({ method: 'POST', url: '/api/systems/import', payload: { yaml } });
  beatPath = res.json().heartbeats[0].path;
});
afterAll(async () => t.close());

describe('heartbeat URL', () => {
  it('accepts a beat by GET or POST without sign-in, refuses an unknown token, and calls a missed beat down', async () => {
    expect((await t.app.inject({ method: 'GET', url: beatPath })).json()).toEqual({ ok: true });
    expect((await t.app.inject({ method: 'POST', url: beatPath })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/heartbeat/not-a-real-token-at-all-0000' })).statusCode).toBe(404);
    const scheduler = t.app.systems.scheduler;
    await scheduler.runDueChecks(Date.now() + 24 * H);
    expect([...scheduler.live().values()][0]!.state).toBe('up');
    await scheduler.runDueChecks(Date.now() + 25 * H);
    const check = [...scheduler.live().values()][0]!;
    expect(check.state).toBe('down');
    const status = (await admin.inject({ method: 'GET', url: '/api/status' })).json<{ systems: { id: string; status: string }[] }>()
      .systems;
    expect(status.find((s) => s.id === 'sync')!.status).toBe('major_outage');
    // The nightly job runs again: the beat itself is the recovery.
    await t.app.inject({ method: 'POST', url: beatPath });
    expect([...scheduler.live().values()][0]!.state).toBe('up');
  });
});

describe('history: raw results, rollups, retention, uptime', () => {
  it('rolls raw results into minutes, hours and days, prunes by age, and computes uptime', async () => {
    const db = t.testDb.db;
    const { rows } = await db.query<{ id: string; district_id: string }>(
      "SELECT id, district_id FROM system_checks WHERE system_id = 'sync'",
    );
    const { id: checkId, district_id: districtId } = rows[0]!;
    await db.query('DELETE FROM check_results WHERE check_id = $1', [checkId]);
    const now = Date.parse('2030-03-10T12:00:00Z');
    // Three days of results every 10 minutes; one hour in every four failed.
    for (let at = now - 3 * 24 * H; at < now - 5 * 60_000; at += 10 * 60_000) {
      const ok = Math.floor(at / H) % 4 !== 0;
      await db.query('INSERT INTO check_results (district_id, check_id, at, ok, latency_ms) VALUES ($1, $2, $3, $4, 20)', [
        districtId,
        checkId,
        new Date(at),
        ok,
      ]);
    }
    const keeper = createHistoryKeeper(db, { rawDays: 1, minuteDays: 2, hourDays: 10, dayDays: 30 });
    // As in a running server: the keeper passes regularly, each pass rolling up before it prunes.
    for (const at of [now - 48 * H, now - 24 * H, now]) await keeper.run(at);
    const count = async (sql: string) => (await db.query<{ n: number }>(sql, [checkId])).rows[0]!.n;
    expect(await count('SELECT count(*)::int AS n FROM check_results WHERE check_id = $1')).toBe(6 * 24);
    // Minutes older than two days are gone, hours stay; the day rollup holds whole days.
    expect(
      await count(
        "SELECT min(bucket) >= now() - interval '100 years' AND count(*) > 0 AS n FROM check_rollups WHERE check_id = $1 AND resolution = 'minute'",
      ),
    ).toBeTruthy();
    const hours = await db.query<{ total: number; ok: number }>(
      "SELECT total, ok FROM check_rollups WHERE check_id = $1 AND resolution = 'hour' AND bucket = $2",
      [checkId, new Date(now - 10 * H)],
    );
    expect(hours.rows[0]).toEqual({ total: 6, ok: 6 });
    const day = await db.query<{ total: number; ok: number }>(
      "SELECT total, ok FROM check_rollups WHERE check_id = $1 AND resolution = 'day' AND bucket = $2",
      [checkId, new Date('2030-03-08T00:00:00Z')],
    );
    expect(day.rows[0]).toEqual({ total: 144, ok: 108 });
    const uptime = (await systemUptime(db, districtId, now)).find((u) => u.systemId === 'sync')!;
    expect(uptime.day).toBeCloseTo(0.75, 1);
    expect(uptime.quarter).toBeCloseTo(0.75, 1);
    // Run again later: nothing is counted twice.
    await keeper.run(now + 60_000);
    expect(
      (
        await db.query("SELECT total FROM check_rollups WHERE check_id = $1 AND resolution = 'day' AND bucket = '2030-03-08T00:00:00Z'", [
          checkId,
        ])
      ).rows,
    ).toEqual([{ total: 144 }]);
  });
});

describe('public status page data', () => {
  it('shows families the public systems in English and Spanish, without internal names or notes', async () => {
    const incident = await admin.inject({
      method: 'POST',
      url: '/api/incidents',
      payload: {
        title: { en: 'Sign-in problems', es: 'Problemas al iniciar sesión' },
        systemIds: ['sso', 'core-switch'],
        message: { en: 'We are looking into it.', es: 'Lo estamos revisando.' },
      },
    });
    expect(incident.statusCode).toBe(201);
    const updated = await admin.inject({
      method: 'POST',
      url: `/api/incidents/${incident.json().id}/updates`,
      payload: {
        status: 'identified',
        message: { en: 'A certificate expired.', es: 'Un certificado caducó.' },
        note: 'okta admin creds in vault 7',
      },
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json<Incident>().updates.map((u) => u.kind)).toEqual(['public', 'public', 'internal']);

    const en = await t.app.inject({ method: 'GET', url: '/api/status/public?district=riverside' });
    expect(en.statusCode).toBe(200);
    const page = en.json<StatusPage>();
    expect(page.systems.map((s) => s.name)).toEqual(['Sign-in', 'Grades sync']);
    const signIn_ = page.incidents.find((i) => i.title === 'Sign-in problems')!;
    expect(signIn_).toMatchObject({ status: 'identified', statusLabel: 'Identified', systems: ['Sign-in'] });
    // The heartbeat's automatic incident is titled with the public name.
    expect(page.incidents.map((i) => i.title).sort()).toEqual(['Grades sync is unavailable', 'Sign-in problems']);
    expect(signIn_.updates.map((u) => u.message)).toEqual(['We are looking into it.', 'A certificate expired.']);
    for (const secret of ['Okta tenant', 'Core switch', 'vault', 'SIS to LMS', 'core-switch', 'Payroll'])
      expect(en.body).not.toContain(secret);

    const es = (await t.app.inject({ method: 'GET', url: '/api/status/public?lang=es&district=riverside' })).json<StatusPage>();
    expect(es.systems.map((s) => `${s.name}: ${s.statusLabel}`)).toEqual([
      'Inicio de sesión: Desconocido',
      'Sincronización de notas: Operativo',
    ]);
    expect(es.incidents).toContainEqual(expect.objectContaining({ title: 'Problemas al iniciar sesión', statusLabel: 'Identificado' }));

    // Staff also see what is meant for staff.
    const staff = (await admin.inject({ method: 'GET', url: '/api/status/public' })).json<StatusPage>();
    expect(staff.systems.map((s) => s.name)).toEqual(['Sign-in', 'Payroll', 'Grades sync']);
    expect((await t.app.inject({ method: 'GET', url: '/api/status/public' })).statusCode).toBe(400); // two districts: name one
  });

  it('refuses incident and maintenance writes to roles without the permission', async () => {
    for (const who of ['teacherTess', 'guardianGia', 'board']) {
      const c = await signIn(t.app, `${who}@test.example.org`);
      const body = { title: { en: 'x', es: 'x' }, systemIds: ['sso'], message: { en: 'x', es: 'x' } };
      expect((await c.inject({ method: 'POST', url: '/api/incidents', payload: body })).statusCode).toBe(403);
      expect(
        (
          await c.inject({
            method: 'POST',
            url: '/api/maintenance',
            payload: { ...body, startsAt: '2030-01-01T00:00:00Z', endsAt: '2030-01-01T01:00:00Z' },
          })
        ).statusCode,
      ).toBe(403);
    }
  });
});

describe('Prometheus /metrics', () => {
  it('answers an API token holding systems.read, and no one anonymous', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(401);
    const { token } = await createApiToken(t.testDb.db, {
      districtId: t.fixture.districtA,
      name: 'prometheus',
      role: 'it_staff',
      schoolIds: [],
      createdBy: null,
      expiresAt: null,
    });
    const res = await t.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain; version=0.0.4');
    expect(res.body).toContain('# TYPE districtops_check_up gauge');
    expect(res.body).toMatch(/^districtops_check_up\{system="sync",check="heartbeat",type="heartbeat"\} 1$/m);
    expect(res.body).toContain('districtops_system_status{system="sso",status="unknown"} 1');
  });
});
