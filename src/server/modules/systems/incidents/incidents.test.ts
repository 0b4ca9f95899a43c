import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Incident } from '../../../../shared/api/incidents';
import { createTestApp, signIn, type Client, type TestApp } from '../../../../../test/helpers/app';
import { startWebhookReceiver } from '../../../../../test/helpers/webhook-receiver';

// Incidents opened by hand: their lifecycle, what the status page may show, the alerts, paging and the monthly figures.
let t: TestApp;
let it_: Client;
let board: Client;
let hooks: Awaited<ReturnType<typeof startWebhookReceiver>>;

beforeAll(async () => {
  hooks = await startWebhookReceiver();
  t = await createTestApp();
  it_ = await signIn(t.app, 'it@test.example.org');
  board = await signIn(t.app, 'board@test.example.org');
  const yaml = `systems:
  - { id: sso, name: Single sign-on, tier: 1, audience: both, public: { en: Sign-in, es: Inicio de sesión } }
  - { id: lms, name: Learning management system, tier: 1, audience: both, public: { en: Classes, es: Clases }, dependsOn: [sso] }
  - { id: cafe, name: Cafeteria menus, tier: 3 }
notifications:
  - { type: webhook, url: "${hooks.url}/generic" }
  - { type: webhook, url: "${hooks.url}/slack", format: slack }
`;
  const res = await it_.inject({ method: 'POST', url: '/api/systems/import', payload: { yaml } });
  if (res.statusCode !== 200) throw new Error(res.body);
});
afterAll(async () => {
  await t.close();
  await hooks.close();
});

const open = (payload: Record<string, unknown>) => it_.inject({ method: 'POST', url: '/api/incidents', payload });
const update = (id: string, payload: Record<string, unknown>) =>
  it_.inject({ method: 'POST', url: `/api/incidents/${id}/updates`, payload });
const ssoDown = {
  title: { en: 'Sign-in is failing', es: 'El inicio de sesión falla' },
  systemIds: ['sso', 'lms'],
  status: 'identified',
  message: { en: 'Staff and students cannot sign in.', es: 'El personal y los alumnos no pueden iniciar sesión.' },
  startedAt: new Date(Date.now() - 10 * 60_000).toISOString(),
};
const publicPage = async (lang: 'en' | 'es') =>
  (await t.app.inject({ method: 'GET', url: `/api/status/public?district=riverside&lang=${lang}` })).json<{
    incidents: { title: string; status: string; updates: { message: string }[] }[];
  }>();

describe('incidents opened by hand', () => {
  let id: string;

  it('opens one in the state chosen, with its Spanish update, and alerts every channel once', async () => {
    const res = await open(ssoDown);
    expect(res.statusCode).toBe(201);
    const incident = res.json<Incident>();
    id = incident.id;
    expect(incident).toMatchObject({ status: 'identified', automatic: false, systemIds: ['lms', 'sso'], resolvedAt: null });
    expect(incident.timeToDetectSeconds).toBeGreaterThanOrEqual(600);
    expect(incident.updates).toEqual([
      expect.objectContaining({ kind: 'public', status: 'identified', message: ssoDown.message, author: 'it@test.example.org' }),
    ]);

    await t.app.jobs.drain();
    expect(hooks.received.map((h) => h.path).sort()).toEqual(['/generic', '/slack']);
    expect(hooks.received.find((h) => h.path === '/generic')!.body).toMatchObject({
      event: 'incident.opened',
      incident: {
        id,
        title: 'Sign-in is failing',
        status: 'identified',
        systems: [{ name: 'Single sign-on' }, { name: 'Learning management system' }],
      },
      by: 'it@test.example.org',
    });
    expect((hooks.received.find((h) => h.path === '/slack')!.body as { text: string }).text).toContain('[INCIDENT] Sign-in is failing');

    const es = await publicPage('es');
    expect(es.incidents).toEqual([expect.objectContaining({ title: 'El inicio de sesión falla', status: 'identified' })]);
    expect(es.incidents[0]!.updates.map((u) => u.message)).toEqual([ssoDown.message.es]);
  });

  it('refuses an unknown system, a missing Spanish title or a start in the future, at the field', async () => {
    const unknown = await open({ ...ssoDown, systemIds: ['sso', 'nope'] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({ field: 'systemIds', message: 'unknown system "nope"' });
    const noSpanish = await open({ ...ssoDown, title: { en: 'Sign-in is failing', es: ' ' } });
    expect(noSpanish.json().error.field).toBe('title.es');
    const future = await open({ ...ssoDown, startedAt: new Date(Date.now() + 3_600_000).toISOString() });
    expect(future.json().error.field).toBe('startedAt');
    const resolved = await open({ ...ssoDown, status: 'resolved' });
    expect(resolved.json().error.field).toBe('status');
  });

  it('moves forward only, keeps internal notes off the status page, and resolves with a time to resolve', async () => {
    const monitoring = await update(id, {
      status: 'monitoring',
      message: { en: 'A fix is in place; we are watching it.', es: 'Hay una solución; la estamos vigilando.' },
      note: 'Vendor ticket 4411: expired signing certificate',
    });
    expect(monitoring.statusCode).toBe(200);
    const after = monitoring.json<Incident>();
    expect(after.status).toBe('monitoring');
    expect(after.updates.map((u) => [u.kind, u.status])).toEqual([
      ['public', 'identified'],
      ['public', 'monitoring'],
      ['internal', null],
    ]);
    expect(after.updates[2]!.note).toBe('Vendor ticket 4411: expired signing certificate');

    const back = await update(id, { status: 'identified' });
    expect(back.statusCode).toBe(400);
    expect(back.json().error).toMatchObject({
      field: 'status',
      message: 'status: an incident that is monitoring cannot go back to identified',
    });

    const page = JSON.stringify(await publicPage('en'));
    expect(page).toContain('A fix is in place; we are watching it.');
    expect(page).not.toContain('Vendor ticket 4411');
    expect(page).not.toContain('signing certificate');

    hooks.received.length = 0;
    const resolved = await update(id, {
      status: 'resolved',
      message: { en: 'Sign-in works again.', es: 'El inicio de sesión vuelve a funcionar.' },
    });
    const done = resolved.json<Incident>();
    expect(done.status).toBe('resolved');
    expect(done.resolvedAt).not.toBeNull();
    expect(done.timeToResolveSeconds).toBeGreaterThanOrEqual(600);
    await t.app.jobs.drain();
    expect(hooks.received.find((h) => h.path === '/generic')!.body).toMatchObject({ event: 'incident.resolved', incident: { id } });

    const reopen = await update(id, { status: 'investigating' });
    expect(reopen.json().error.message).toBe('status: a resolved incident stays resolved');
  });

  it('records the postmortem and changes the affected systems after the fact', async () => {
    const res = await update(id, {
      postmortem: 'The IdP signing certificate expired. We now monitor it with a TLS check.',
      systemIds: ['sso'],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json<Incident>()).toMatchObject({ postmortem: expect.stringContaining('certificate expired'), systemIds: ['sso'] });
    const edited = await update(id, { postmortem: 'Revised: the certificate expired on a Sunday.' });
    expect(edited.json<Incident>().postmortem).toBe('Revised: the certificate expired on a Sunday.');
  });

  it('lets the board read incidents but not open or update them', async () => {
    expect((await board.inject({ method: 'GET', url: `/api/incidents/${id}` })).statusCode).toBe(200);
    expect((await board.inject({ method: 'POST', url: '/api/incidents', payload: ssoDown })).statusCode).toBe(403);
    expect((await board.inject({ method: 'POST', url: `/api/incidents/${id}/updates`, payload: { note: 'x' } })).statusCode).toBe(403);
    const other = await signIn(t.app, 'adminB@test.example.org');
    expect((await other.inject({ method: 'GET', url: `/api/incidents/${id}` })).statusCode).toBe(404);
    expect((await other.inject({ method: 'POST', url: `/api/incidents/${id}/updates`, payload: { note: 'x' } })).statusCode).toBe(404);
  });

  it('pages resolved incidents, lists open ones apart, and counts them per month', async () => {
    for (let n = 1; n <= 3; n++) {
      const r = await open({ ...ssoDown, title: { en: `Outage ${n}`, es: `Corte ${n}` }, startedAt: undefined, status: 'investigating' });
      if (n < 3) await update(r.json<Incident>().id, { status: 'resolved' });
    }
    const openOnes = (await it_.inject({ method: 'GET', url: '/api/incidents?state=open' })).json<{ items: Incident[]; total: number }>();
    expect(openOnes.items.map((i) => i.title.en)).toEqual(['Outage 3']);
    expect(openOnes.total).toBe(1);
    const first = (await it_.inject({ method: 'GET', url: '/api/incidents?state=resolved&limit=2' })).json<{
      items: Incident[];
      total: number;
    }>();
    const second = (await it_.inject({ method: 'GET', url: '/api/incidents?state=resolved&limit=2&offset=2' })).json<{
      items: Incident[];
      total: number;
    }>();
    expect(first.total).toBe(3);
    expect([...first.items, ...second.items].map((i) => i.title.en).sort()).toEqual(['Outage 1', 'Outage 2', 'Sign-in is failing']);

    const { months } = (await it_.inject({ method: 'GET', url: '/api/incidents/stats' })).json<{
      months: { month: string; incidents: number; meanTimeToResolveSeconds: number | null }[];
    }>();
    // One month, or two when the test runs just after midnight UTC on the 1st.
    expect(months.reduce((sum, m) => sum + m.incidents, 0)).toBe(4);
    expect(months[0]!.month).toBe(new Date().toISOString().slice(0, 7));
    expect(months.some((m) => (m.meanTimeToResolveSeconds ?? 0) > 0)).toBe(true);
  });
});
