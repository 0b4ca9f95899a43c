import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Client, type TestApp } from '../../../../test/helpers/app';
import type { ReadinessBoard, ReadinessYear } from '../../../shared/api/readiness';
import type { StatusPage } from '../../../shared/api/status-page';
import type { SystemView } from '../../../shared/api/system-views';
import { DEMO_PASSWORD } from './demo-accounts';
import { comingSchoolYear } from './demo-readiness';
import { seedDemoDistrict, type DemoResult } from './seed-demo';

let t: TestApp;
let cio: Client;
let demo: DemoResult;
let selfUrl: string;
let seededAt: number;

beforeAll(async () => {
  t = await createTestApp({ seed: false });
  // The app answers on a real port (as under `npm start`) without starting its scheduler: the test drives the checks.
  await new Promise<void>((resolve) => t.app.server.listen(0, '127.0.0.1', resolve));
  selfUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  seededAt = Date.now();
  demo = await seedDemoDistrict(t.testDb.db, { students: 60, selfUrl });
  cio = await signIn(t.app, 'cio@lakeside.example.org', DEMO_PASSWORD);
});
afterAll(async () => {
  await new Promise((resolve) => t?.app.server.close(resolve));
  await t?.close();
});

const get = async <T>(url: string) => {
  const res = await cio.inject({ method: 'GET', url });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<T>();
};

describe('the demo district’s systems', () => {
  it('is a catalog a K-12 district runs, with owners, vendors, public names and dependencies, as config-as-code', async () => {
    const { items } = await get<{ items: SystemView[] }>('/api/systems');
    expect(items.length).toBeGreaterThanOrEqual(15);
    expect(items.length).toBeLessThanOrEqual(22);
    expect(demo.systems.systems).toBe(items.length);
    expect(new Set(items.map((s) => s.category))).toEqual(
      new Set([
        ...['internet', 'wifi', 'identity', 'email', 'sis', 'lms', 'state-reporting', 'phones', 'transportation', 'payroll'],
        ...['communications', 'website', 'security', 'other'],
      ]),
    );
    expect(items.filter((s) => s.tier === 1).map((s) => s.id)).toEqual(
      expect.arrayContaining(['sso', 'sis', 'lms', 'internet', 'wifi', 'email', 'phones']),
    );
    for (const s of items) {
      expect(s.ownerId, s.id).not.toBeNull();
      expect(s.vendor, s.id).not.toBeNull();
      if (s.audience !== 'hidden') expect(s.publicName, s.id).not.toBeNull();
    }

    const lms = await get<SystemView>('/api/systems/lms');
    expect(lms.dependsOn).toEqual(
      expect.arrayContaining([
        { id: 'sso', name: 'Single sign-on', kind: 'hard' },
        { id: 'rostering', name: 'SIS to LMS rostering sync', kind: 'soft' },
      ]),
    );
    const sso = await get<SystemView>('/api/systems/sso');
    expect(sso.neededBy.map((d) => d.id)).toEqual(expect.arrayContaining(['lms', 'sis', 'email', 'finance', 'helpdesk']));
    expect(demo.systems.heartbeats.map((h) => h.systemId).sort()).toEqual(['backups', 'gradebook-sync', 'rostering', 'state-reporting']);

    // Nothing leaves this machine: every HTTP check is this server, every TCP check its address.
    const specs = items.flatMap((s) => s.checks.map((c) => c.spec));
    expect(specs.filter((c) => c.type === 'http').every((c) => String(c.url).startsWith(`${selfUrl}/`))).toBe(true);
    expect(specs.filter((c) => c.type === 'tcp').every((c) => c.host === '127.0.0.1' && c.port === Number(new URL(selfUrl).port))).toBe(
      true,
    );

    // The demo is valid config-as-code: its own export imports back without a change.
    const yaml = (await cio.inject({ method: 'GET', url: '/api/systems/export' })).body;
    const again = await cio.inject({ method: 'POST', url: '/api/systems/import', payload: { yaml } });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ created: [], updated: [], deleted: [] });
  });

  it('has ninety days of history, past incidents in both languages and a planned maintenance window', async () => {
    const es = await get<StatusPage>('/api/status/public?lang=es');
    expect(es.overall).toBe('operational');
    const signIn = es.systems.find((s) => s.name === 'Inicio de sesión (ClassLink)')!;
    expect(signIn.days).toHaveLength(90);
    // A real district's quarter: high but not perfect uptime, the morning sign-in failed in it.
    expect(signIn.uptime90d).toBeGreaterThan(0.995);
    expect(signIn.uptime90d).toBeLessThan(1);
    expect(signIn.days.filter((d) => d.status === 'major_outage')).toHaveLength(1);
    expect(es.systems.every((s) => s.days.filter((d) => d.uptime !== null).length >= 89)).toBe(true);

    const incident = es.incidents.find((i) => i.title === 'Inicio de sesión (ClassLink) no está disponible')!;
    expect(incident.status).toBe('resolved');
    expect(incident.systems).toEqual(expect.arrayContaining(['Canvas (clases y tareas)', 'Correo y Google Workspace']));
    expect(incident.updates.map((u) => u.message)).toEqual(
      expect.arrayContaining([expect.stringContaining('ClassLink ha confirmado'), 'El servicio vuelve a funcionar con normalidad.']),
    );
    expect(es.maintenance.map((m) => m.title)).toEqual([
      'Actualización de Infinite Campus: Campus Parent y Campus Student no estarán disponibles',
    ]);
    const start = Date.parse(es.maintenance[0]!.start);
    expect(start).toBeGreaterThan(seededAt);
    expect(start - seededAt).toBeLessThan(7 * 86_400_000);

    const { items } = await get<{ items: { status: string; postmortem?: string | null }[] }>('/api/incidents?state=all');
    expect(items.filter((i) => i.status === 'resolved')).toHaveLength(2);
  });

  it('runs its checks against this server, offline, and shows every system operational', async () => {
    const scheduler = t.app.systems.scheduler;
    const now = Date.now();
    await scheduler.load(now);
    // The longest interval is five minutes: by then every HTTP and TCP check has run once.
    expect(await scheduler.runDueChecks(now + 6 * 60_000)).toBeGreaterThanOrEqual(15);
    const { rows } = await t.testDb.db.query<{ total: number; failed: number }>(
      'SELECT count(*)::int AS total, (count(*) FILTER (WHERE NOT ok))::int AS failed FROM check_results WHERE district_id = $1',
      [demo.districtId],
    );
    expect(rows[0]).toMatchObject({ failed: 0 });
    expect(rows[0]!.total).toBeGreaterThanOrEqual(15);
    const { systems } = await get<{ systems: { id: string; status: string }[] }>('/api/status');
    expect(systems.filter((s) => s.status !== 'operational')).toEqual([]);
    // Nothing changed state, so nobody was alerted and no incident opened.
    const open = await get<{ items: unknown[] }>('/api/incidents');
    expect(open.items.filter((i) => (i as { status: string }).status !== 'resolved')).toEqual([]);
  });

  it('has the coming school year’s readiness board, a checklist for every tier-1 and tier-2 system', async () => {
    const { items } = await get<{ items: ReadinessYear[] }>('/api/readiness/years');
    const today = new Date(seededAt).toLocaleDateString('en-CA', { timeZone: 'America/Chicago' });
    const coming = comingSchoolYear(today);
    expect(items.map((y) => [y.schoolYear, y.firstDay])).toEqual([[coming.schoolYear, coming.firstDay]]);
    const board = await get<ReadinessBoard>(`/api/readiness/years/${coming.schoolYear}`);
    const { items: systems } = await get<{ items: SystemView[] }>('/api/systems');
    expect(board.systems.map((s) => s.id).sort()).toEqual(
      systems
        .filter((s) => s.tier <= 2)
        .map((s) => s.id)
        .sort(),
    );
    expect(board.systemsWithoutChecklist).toEqual([]);
    expect(board.systems.every((s) => s.items.length === 7)).toBe(true);
    // Items follow their system's owner account; systems owned by roster staff fall to the CIO.
    const lms = board.systems.find((s) => s.id === 'lms')!;
    expect(new Set(lms.items.map((i) => i.owner.email))).toEqual(new Set(['coach@lakeside.example.org']));
    const sis = board.systems.find((s) => s.id === 'sis')!;
    expect(new Set(sis.items.map((i) => i.owner.email))).toEqual(new Set(['cio@lakeside.example.org']));
    // Whatever the date, done items carry their evidence.
    for (const item of board.systems.flatMap((s) => s.items).filter((i) => i.done)) {
      expect(item.done!.evidence.text ?? item.done!.evidence.url).toBeTruthy();
    }
  });
});
