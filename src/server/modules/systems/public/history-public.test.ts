import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, signIn, type Client, type TestApp } from '../../../../../test/helpers/app';
import type { Incident } from '../../../../shared/api/incidents';
import type { StatusPage } from '../../../../shared/api/status-page';
import { createApiToken } from '../../../platform/auth/api-tokens.service';
import { createHistoryKeeper } from '../history/rollups';
import { uptimeWindows } from '../status/uptime-windows';

let t: TestApp;
let admin: Client;
let beatPath: string;
const H = 3_600_000;
const DAY = 24 * H;
const utcDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The status page is cached a few seconds: ask as if that time had passed since the last ask. */
let skew = 0;
async function freshPublicPage(url: string, headers: Record<string, string> = {}) {
  skew += 6000;
  vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + skew });
  try {
    return await t.app.inject({ method: 'GET', url, headers });
  } finally {
    vi.useRealTimers();
  }
}

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
    const uptime = (await uptimeWindows(db, districtId, { now })).get('sync')!;
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

  it('keeps the planner statistics of the tables the board reads current (PGlite runs no autovacuum)', async () => {
    const db = t.testDb.db;
    // What the planner believes the systems table holds (reltuples), against what it holds.
    const believed = async () =>
      (await db.query<{ n: number }>("SELECT reltuples::int AS n FROM pg_class WHERE relname = 'systems'")).rows[0]!.n;
    const actual = async () => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM systems')).rows[0]!.n;
    const keeper = createHistoryKeeper(db);
    const now = Date.now();
    await keeper.run(now);
    expect(await believed()).toBe(await actual());
    // A system more: the keeper's next pass within the hour leaves the statistics be, the next hour's refreshes them.
    const created = await admin.inject({ method: 'POST', url: '/api/systems', payload: { id: 'wifi', name: 'Campus Wi-Fi', tier: 3 } });
    expect(created.statusCode, created.body).toBe(201);
    await keeper.run(now + 60_000);
    expect(await believed()).toBe((await actual()) - 1);
    await keeper.run(now + 61 * 60_000);
    expect(await believed()).toBe(await actual());
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

  it('gives each system its last 90 days: uptime from the rollups, and the worst each day saw', async () => {
    const db = t.testDb.db;
    const { rows } = await db.query<{ id: string; district_id: string }>(
      "SELECT id, district_id FROM system_checks WHERE system_id = 'sync'",
    );
    const { id: checkId, district_id: districtId } = rows[0]!;
    const today = Math.floor(Date.now() / DAY) * DAY;
    const rollup = (day: number, total: number, ok: number) =>
      db.query(
        `INSERT INTO check_rollups (district_id, check_id, resolution, bucket, total, ok, latency_sum, latency_max)
         VALUES ($1, $2, 'day', $3, $4, $5, 0, 0)`,
        [districtId, checkId, new Date(today - day * DAY), total, ok],
      );
    await rollup(40, 1440, 1440); // a quiet day
    await rollup(30, 1440, 1200); // checks failing for four hours, no incident
    await rollup(20, 1440, 720); // half a day down, with an incident
    await rollup(95, 1440, 0); // outside the 90 days
    // Today is not rolled up yet: its raw results count.
    for (const ok of [true, true, true, false])
      await db.query('INSERT INTO check_results (district_id, check_id, at, ok, latency_ms) VALUES ($1, $2, $3, $4, 5)', [
        districtId,
        checkId,
        new Date(Date.now() - 60_000),
        ok,
      ]);
    const incident = await admin.inject({
      method: 'POST',
      url: '/api/incidents',
      payload: {
        title: { en: 'Grades are late', es: 'Las notas llegan tarde' },
        impact: 'partial_outage',
        systemIds: ['sync'],
        message: { en: 'Grades are not reaching the parent portal.', es: 'Las notas no llegan al portal de familias.' },
        startedAt: new Date(today - 20 * DAY + 8 * H).toISOString(),
      },
    });
    expect(incident.statusCode, incident.body).toBe(201);
    // The incident is over within the day.
    await db.query('UPDATE incidents SET resolved_at = $2 WHERE id = $1', [
      incident.json<Incident>().id,
      new Date(today - 20 * DAY + 14 * H),
    ]);
    const window = await admin.inject({
      method: 'POST',
      url: '/api/maintenance',
      payload: {
        title: { en: 'Sign-in upgrade', es: 'Actualización del inicio de sesión' },
        systemIds: ['sso'],
        startsAt: new Date(today - 10 * DAY + 2 * H).toISOString(),
        endsAt: new Date(today - 10 * DAY + 4 * H).toISOString(),
      },
    });
    expect(window.statusCode, window.body).toBe(201);

    const page = (await freshPublicPage('/api/status/public?district=riverside')).json<StatusPage>();
    const sync = page.systems.find((s) => s.name === 'Grades sync')!;
    expect(sync.days).toHaveLength(90);
    expect(sync.days[0]!.date).toBe(utcDate(today - 89 * DAY));
    expect(sync.days.at(-1)!.date).toBe(utcDate(today));
    const day = (ago: number) => sync.days.find((d) => d.date === utcDate(today - ago * DAY));
    expect(day(40)).toEqual({ date: utcDate(today - 40 * DAY), uptime: 1, status: 'operational' });
    expect(day(30)).toMatchObject({ uptime: 0.8333, status: 'degraded' });
    expect(day(20)).toMatchObject({ uptime: 0.5, status: 'partial_outage' });
    expect(day(19)).toMatchObject({ uptime: null, status: 'unknown' });
    expect(day(0)).toMatchObject({ uptime: 0.75 });
    expect(sync.uptime90d).toBeCloseTo((1440 + 1200 + 720 + 3) / (3 * 1440 + 4), 6);

    const signInDays = page.systems.find((s) => s.name === 'Sign-in')!.days;
    expect(signInDays.find((d) => d.date === utcDate(today - 10 * DAY))).toEqual({
      date: utcDate(today - 10 * DAY),
      uptime: null,
      status: 'maintenance',
    });
    // The sign-in incident opened above is still open: today is a bad day.
    expect(signInDays.at(-1)!.status).toBe('major_outage');
    // Resolved three weeks ago: in the bars, no longer in the list.
    expect(page.incidents.map((i) => i.title)).not.toContain('Grades are late');
    expect(page.incidents.find((i) => i.title === 'Sign-in problems')).toMatchObject({
      impact: 'major_outage',
      impactLabel: 'Major outage',
    });

    const es = (await freshPublicPage('/api/status/public?district=riverside&lang=es')).json<StatusPage>();
    expect(es.incidents.find((i) => i.title === 'Problemas al iniciar sesión')!.updates.map((u) => u.statusLabel)).toEqual([
      'Investigando',
      'Identificado',
    ]);
  });

  it('lets browsers and proxies cache the page, and answers 304 while it has not changed', async () => {
    const url = '/api/status/public?district=riverside';
    const first = await freshPublicPage(url);
    expect(first.headers['cache-control']).toBe('public, max-age=30, stale-while-revalidate=60');
    // A shared cache must not hand a signed-in person's page to someone else, nor the other way round.
    expect(first.headers.vary).toMatch(/Cookie, Authorization/);
    expect(first.headers['content-type']).toBe('application/json; charset=utf-8');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    // Rebuilt later but unchanged: the same tag, and no body.
    const again = await freshPublicPage(url, { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(etag);
    expect(again.headers['cache-control']).toBe('public, max-age=30, stale-while-revalidate=60');
    // Spanish is another page with its own tag.
    const es = await freshPublicPage('/api/status/public?district=riverside&lang=es', { 'if-none-match': etag });
    expect(es.statusCode).toBe(200);
    expect(es.headers.etag).not.toBe(etag);

    // Something changes: the old tag no longer matches and the new page says so.
    const created = await admin.inject({
      method: 'POST',
      url: '/api/incidents',
      payload: {
        title: { en: 'Slow sign-in', es: 'Inicio de sesión lento' },
        impact: 'degraded',
        systemIds: ['sso'],
        message: { en: 'Signing in is slow.', es: 'Iniciar sesión va lento.' },
      },
    });
    expect(created.statusCode).toBe(201);
    const changed = await freshPublicPage(url, { 'if-none-match': etag });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect(changed.json<StatusPage>().incidents.map((i) => i.title)).toContain('Slow sign-in');

    // A signed-in staff member's page lists staff systems: no shared cache may keep it.
    const staff = await admin.inject({ method: 'GET', url });
    expect(staff.headers['cache-control']).toBe('private, max-age=30');
    // Errors are not cached.
    const missing = await t.app.inject({ method: 'GET', url: '/api/status/public?district=nowhere' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['cache-control']).toBe('no-store');
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
    expect(res.body).toContain('districtops_system_status{system="sso",status="operational"} 0');
    expect(res.body).toContain('# TYPE districtops_scheduler_lateness_seconds histogram');
    expect(res.body).toMatch(/^districtops_scheduler_lateness_seconds_bucket\{le="\+Inf"\} \d+$/m);
    expect(res.body).toMatch(/^districtops_scheduler_checks \d+$/m);
    // Every line is a comment or one sample in the text format: a name, optional labels, a number.
    for (const line of res.body.trimEnd().split('\n')) {
      expect(line).toMatch(/^(# (HELP|TYPE) \w+ .+|\w+(\{(\w+="(?:[^"\\]|\\.)*",?)+\})? -?[\d.e+-]+)$/);
    }
    // Each metric is described once, before its samples.
    expect(res.body.match(/^# TYPE districtops_check_up /gm)).toHaveLength(1);
  });
});
