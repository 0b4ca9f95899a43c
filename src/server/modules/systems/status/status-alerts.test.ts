import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Incident } from '../../../../shared/api/incidents';
import { createTestApp, signIn, type Client, type TestApp } from '../../../../../test/helpers/app';
import { decodeBody, startSmtpServer } from '../../../../../test/helpers/smtp';
import { startWebhookReceiver } from '../../../../../test/helpers/webhook-receiver';

// The issue's "done when": SSO stops → SSO down, LMS impacted, one alert per channel, an
// incident, recovery announced once. Real servers on loopback; time is driven by the test.
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let hooks: Awaited<ReturnType<typeof startWebhookReceiver>>;
let sso: http.Server;
let ssoPort: number;
let lms: net.Server;
let t: TestApp;
let it_: Client;
let now = Date.now();

const listenSso = (port = 0) =>
  new Promise<void>((resolve) => {
    sso = http.createServer((_req, res) => res.writeHead(200).end('ok'));
    sso.listen(port, '127.0.0.1', () => {
      ssoPort = (sso.address() as AddressInfo).port;
      resolve();
    });
  });
const stopSso = () =>
  new Promise<void>((resolve) => {
    sso.closeAllConnections();
    sso.close(() => resolve());
  });

beforeAll(async () => {
  smtp = await startSmtpServer();
  hooks = await startWebhookReceiver();
  await listenSso();
  lms = net.createServer((s) => s.end());
  await new Promise<void>((resolve) => lms.listen(0, '127.0.0.1', resolve));
  const lmsPort = (lms.address() as AddressInfo).port;
  t = await createTestApp({ env: { SMTP_URL: smtp.url } });
  it_ = await signIn(t.app, 'it@test.example.org');
  const yaml = `systems:
  - id: sso
    name: Single sign-on
    category: identity
    tier: 1
    audience: both
    public: { en: Sign-in, es: Inicio de sesión }
    checks: [{ type: http, url: "http://127.0.0.1:${ssoPort}/health", interval: 60s, timeout: 2s, retries: 1 }]
  - id: lms
    name: Learning management system
    tier: 1
    dependsOn: [sso]
    checks: [{ type: tcp, host: 127.0.0.1, port: ${lmsPort}, interval: 60s }]
  - id: gradebook
    name: Gradebook sync
    tier: 2
    dependsOn: [lms]
    checks: [{ type: tcp, host: 127.0.0.1, port: ${lmsPort}, interval: 60s }]
  - id: website
    name: District website
    tier: 3
    dependsOn: [{ id: sso, kind: soft }]
    checks: [{ type: tcp, host: 127.0.0.1, port: ${lmsPort}, interval: 60s }]
notifications:
  - { type: webhook, url: "${hooks.url}/generic" }
  - { type: webhook, url: "${hooks.url}/slack", format: slack, remindEvery: 15m }
  - { type: webhook, url: "${hooks.url}/teams", format: teams }
  - { type: webhook, url: "${hooks.url}/chat", format: google-chat }
  - { type: email, to: [it-alerts@example.org] }
`;
  const res = await it_.inject({ method: 'POST', url: '/api/systems/import', payload: { yaml } });
  expect(res.statusCode).toBe(200);
  now = Date.now();
});
afterAll(async () => {
  await t.close();
  await stopSso();
  await new Promise<void>((resolve) => lms.close(() => resolve()));
  await hooks.close();
  await smtp.close();
});

/** Moves the clock, runs what is due, and delivers the queued alerts. */
async function advance(ms: number) {
  now += ms;
  await t.app.systems.scheduler.runDueChecks(now);
  await t.app.jobs.drain();
}
const statuses = async () =>
  Object.fromEntries(
    (
      (await it_.inject({ method: 'GET', url: '/api/status' })).json().systems as { id: string; status: string; impactedBy: string[] }[]
    ).map((s) => [s.id, `${s.status}${s.impactedBy.length ? ` by ${s.impactedBy.join(',')}` : ''}`]),
  );
const at = (path: string) => hooks.received.filter((h) => h.path === path);

describe('status through the dependency graph, alerts and incidents', () => {
  it('starts unknown, then operational once the checks have run', async () => {
    expect(await statuses()).toEqual({ sso: 'unknown', lms: 'unknown', gradebook: 'unknown', website: 'unknown' });
    await advance(16_000);
    expect(await statuses()).toEqual({ sso: 'operational', lms: 'operational', gradebook: 'operational', website: 'operational' });
    expect(hooks.received).toEqual([]);
  });

  it('SSO down: one alert per channel naming SSO and what it takes down, and an incident', async () => {
    await stopSso();
    await advance(60_000);
    // One failure is retried before anyone is told.
    expect((await statuses()).sso).toBe('operational');
    expect(hooks.received).toEqual([]);
    await advance(20_000);
    expect(await statuses()).toEqual({
      sso: 'major_outage',
      lms: 'major_outage by sso',
      gradebook: 'major_outage by sso',
      website: 'degraded',
    });

    expect(at('/generic')).toHaveLength(1);
    expect(at('/generic')[0]!.body).toMatchObject({
      event: 'system.down',
      system: { id: 'sso', name: 'Single sign-on', tier: 1 },
      status: 'major_outage',
      // In tier order: what matters most first.
      impacted: [
        { id: 'lms', name: 'Learning management system' },
        { id: 'gradebook', name: 'Gradebook sync' },
      ],
    });
    expect(hooks.received.filter((h) => JSON.stringify(h.body).includes('"lms"') && !JSON.stringify(h.body).includes('sso'))).toEqual([]);
    expect((at('/slack')[0]!.body as { text: string }).text).toMatch(
      /^\*\[DOWN\] Single sign-on \(sso\)\*\n.*It takes down: Learning management system, Gradebook sync\./s,
    );
    expect(at('/chat')[0]!.body).toHaveProperty('text');
    expect(JSON.stringify(at('/teams')[0]!.body)).toContain('AdaptiveCard');
    const mail = smtp.inbox.filter((m) => m.to.includes('it-alerts@example.org'));
    expect(mail).toHaveLength(1);
    expect(decodeBody(mail[0]!.raw)).toContain('[DOWN] Single sign-on (sso)');

    const incidents = (await it_.inject({ method: 'GET', url: '/api/incidents?state=open' })).json().items;
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({
      status: 'investigating',
      rootSystemId: 'sso',
      automatic: true,
      systemIds: ['gradebook', 'lms', 'sso'],
    });
    // Detected at the second failure, 20 s after the first.
    expect(incidents[0].timeToDetectSeconds).toBe(20);
  });

  it('stays quiet while SSO stays down, reminding only the channel that asked, no more often than it asked', async () => {
    await advance(60_000);
    await advance(60_000);
    expect(hooks.received).toHaveLength(4);
    now += 15 * 60_000;
    await t.app.systems.evaluateAll(now);
    await t.app.jobs.drain();
    expect(at('/slack').map((h) => (h.body as { text: string }).text.split('\n')[0])).toEqual([
      '*[DOWN] Single sign-on (sso)*',
      '*[STILL DOWN] Single sign-on (sso)*',
    ]);
    await t.app.systems.evaluateAll(now + 60_000);
    await t.app.jobs.drain();
    expect(at('/slack')).toHaveLength(2);
    expect(at('/generic')).toHaveLength(1);
  });

  it('announces the recovery once and resolves the incident', async () => {
    await listenSso(ssoPort);
    await advance(60_000);
    expect(await statuses()).toEqual({ sso: 'operational', lms: 'operational', gradebook: 'operational', website: 'operational' });
    expect(at('/generic').map((h) => (h.body as { event: string }).event)).toEqual(['system.down', 'system.recovery']);
    await advance(60_000);
    await advance(60_000);
    expect(at('/generic')).toHaveLength(2);
    expect(smtp.inbox.filter((m) => decodeBody(m.raw).includes('[RECOVERED]'))).toHaveLength(1);
    const [incident] = (await it_.inject({ method: 'GET', url: '/api/incidents' })).json<{ items: Incident[] }>().items;
    expect(incident!.status).toBe('resolved');
    expect(incident!.updates.map((u) => u.status)).toEqual(['investigating', 'resolved']);
    expect(incident!.timeToResolveSeconds).toBeGreaterThan(16 * 60);
  });

  it('stays silent during a maintenance window and shows "maintenance"', async () => {
    const created = await it_.inject({
      method: 'POST',
      url: '/api/maintenance',
      payload: {
        title: { en: 'Sign-in upgrade', es: 'Actualización del inicio de sesión' },
        systemIds: ['sso'],
        // The status read uses the real clock, the checks the test's: the window spans both.
        startsAt: new Date(Date.now() - 60_000).toISOString(),
        endsAt: new Date(now + 3_600_000).toISOString(),
      },
    });
    expect(created.statusCode).toBe(201);
    const before = hooks.received.length;
    await stopSso();
    await advance(60_000);
    await advance(20_000);
    expect(await statuses()).toMatchObject({ sso: 'maintenance', lms: 'maintenance by sso', website: 'degraded' });
    expect(hooks.received.length).toBe(before);
    // Back before the window ends: nothing was announced, so there is nothing to recover from.
    await listenSso(ssoPort);
    await advance(60_000);
    expect((await statuses()).sso).toBe('maintenance');
    expect(hooks.received.length).toBe(before);
    const maint = (await it_.inject({ method: 'GET', url: '/api/maintenance' })).json().items;
    expect(maint[0]).toMatchObject({ activeNow: true, systemIds: ['sso'] });
  });
});
