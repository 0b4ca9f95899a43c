import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { loadConfig } from '../../config';
import { createTestApp, type TestApp } from '../../../../test/helpers/app';
import {
  reservePort,
  signInAtProvider,
  startIdentityProvider,
  TestBrowser,
  type TestIdentityProvider,
} from '../../../../test/helpers/oidc';

// One real OpenID Provider plays both Google and Microsoft (two clients), so the same user can be
// tried under each provider's email rule.
const clients = { google: 'districtops-google', microsoft: 'districtops-microsoft' } as const;
const secret = 'test-only-client-secret-0123456789';

const users: Record<string, Record<string, unknown>> = {
  admin: { email: 'Admin@Test.Example.org', email_verified: true },
  unverified: { email: 'it@test.example.org', email_verified: false },
  stranger: { email: 'stranger@test.example.org', email_verified: true },
  board: { email: 'board@test.example.org', email_verified: true },
  // Entra ID sends no email_verified for work accounts.
  coach: { email: 'coach@test.example.org', preferred_username: 'coach@test.example.org' },
};

let idp: TestIdentityProvider;
let t: TestApp;
let app: string;

beforeAll(async () => {
  const port = await reservePort();
  app = `http://127.0.0.1:${port}`;
  idp = await startIdentityProvider({
    users,
    clients: Object.entries(clients).map(([provider, clientId]) => ({
      client_id: clientId,
      client_secret: secret,
      redirect_uris: [`${app}/api/auth/oidc/${provider}/callback`],
      token_endpoint_auth_method: 'client_secret_post',
    })),
  });
  t = await createTestApp({
    env: {
      PUBLIC_URL: app,
      OIDC_GOOGLE_CLIENT_ID: clients.google,
      OIDC_GOOGLE_CLIENT_SECRET: secret,
      OIDC_GOOGLE_ISSUER: idp.issuer,
      OIDC_MICROSOFT_CLIENT_ID: clients.microsoft,
      OIDC_MICROSOFT_CLIENT_SECRET: secret,
      OIDC_MICROSOFT_ISSUER: idp.issuer,
    },
  });
  await t.app.listen({ port, host: '127.0.0.1' });
});

afterAll(async () => {
  await t?.close();
  await idp?.close();
});

/** Signs in at the provider and visits the callback; returns where DistrictOps sent the browser. */
async function signInWith(provider: 'google' | 'microsoft', login: string, returnTo?: string) {
  const browser = new TestBrowser();
  const query = returnTo ? `?returnTo=${encodeURIComponent(returnTo)}` : '';
  const callbackUrl = await signInAtProvider(browser, `${app}/api/auth/oidc/${provider}/start${query}`, login);
  const res = await browser.request(callbackUrl);
  expect(res.status).toBe(302);
  return { browser, callbackUrl, location: res.headers.get('location') };
}

async function me(browser: TestBrowser) {
  const res = await browser.request(`${app}/api/me`);
  return { status: res.status, body: (await res.json()) as { email?: string; error?: { code: string } } };
}

async function lastAudit(action: string) {
  const { rows } = await t.testDb.db.query<{ actor_label: string; actor_account_id: string | null; details: Record<string, unknown> }>(
    'SELECT actor_label, actor_account_id, details FROM audit_log WHERE action = $1 ORDER BY id DESC LIMIT 1',
    [action],
  );
  return rows[0];
}

describe('OIDC sign-in', () => {
  it('lists only the configured providers', async () => {
    const res = await fetch(`${app}/api/auth/oidc/providers`);
    expect(await res.json()).toEqual({
      providers: [
        { id: 'google', label: 'Google', startUrl: '/api/auth/oidc/google/start' },
        { id: 'microsoft', label: 'Microsoft', startUrl: '/api/auth/oidc/microsoft/start' },
      ],
    });
    expect((await fetch(`${app}/api/auth/oidc/classlink/start`)).status).toBe(404);
    const openapi = (await (await fetch(`${app}/api/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(openapi.paths).filter((p) => p.startsWith('/api/auth/oidc/'))).toEqual([
      '/api/auth/oidc/providers',
      '/api/auth/oidc/{provider}/start',
      '/api/auth/oidc/{provider}/callback',
    ]);

    const plain = await buildApp({ config: loadConfig({ LOG_LEVEL: 'silent', DEMO: '0' }), db: t.testDb.db, logger: false });
    try {
      const none = await plain.inject({ method: 'GET', url: '/api/auth/oidc/providers' });
      expect(none.json()).toEqual({ providers: [] });
    } finally {
      await plain.close();
    }
  });

  it('signs in the account whose verified email matches, and returns to the page asked for', async () => {
    const { browser, location } = await signInWith('google', 'admin', '/people?tab=staff');
    expect(location).toBe('/people?tab=staff');

    const who = await me(browser);
    expect(who.status).toBe(200);
    expect(who.body.email).toBe(t.fixture.accounts.admin!.email);

    const { rows } = await t.testDb.db.query<{ auth_method: string }>(
      'SELECT auth_method FROM sessions WHERE account_id = $1 ORDER BY created_at DESC LIMIT 1',
      [t.fixture.accounts.admin!.id],
    );
    expect(rows[0]?.auth_method).toBe('oidc:google');
    const audit = await lastAudit('auth.login');
    expect(audit).toMatchObject({ actor_account_id: t.fixture.accounts.admin!.id, details: { method: 'oidc:google' } });
  });

  it('never redirects off the site after sign-in', async () => {
    for (const returnTo of ['//evil.example/x', 'https://evil.example/', '/\\evil.example', 'javascript:alert(1)']) {
      const { location } = await signInWith('google', 'admin', returnTo);
      expect(location).toBe('/');
    }
  });

  it('refuses an email the provider has not verified', async () => {
    const { browser, location } = await signInWith('google', 'unverified');
    expect(location).toBe('/sign-in?error=oidc_email_unverified');
    expect((await me(browser)).status).toBe(401);
    expect(await lastAudit('auth.login_failed')).toMatchObject({
      actor_label: 'it@test.example.org',
      details: { method: 'oidc:google', reason: 'oidc_email_unverified' },
    });
  });

  it('refuses an email that no account uses, without creating one', async () => {
    const { browser, location } = await signInWith('google', 'stranger');
    expect(location).toBe('/sign-in?error=oidc_no_account');
    expect((await me(browser)).status).toBe(401);
    const { rows } = await t.testDb.db.query("SELECT 1 FROM accounts WHERE lower(email) = 'stranger@test.example.org'");
    expect(rows).toHaveLength(0);
    expect(await lastAudit('auth.login_failed')).toMatchObject({ details: { method: 'oidc:google', reason: 'oidc_no_account' } });
  });

  it('refuses a disabled account', async () => {
    await t.testDb.db.query("UPDATE accounts SET status = 'disabled' WHERE id = $1", [t.fixture.accounts.board!.id]);
    const { browser, location } = await signInWith('google', 'board');
    expect(location).toBe('/sign-in?error=oidc_account_disabled');
    expect((await me(browser)).status).toBe(401);
    const { rows } = await t.testDb.db.query<{ district_id: string; entity_id: string }>(
      "SELECT district_id, entity_id FROM audit_log WHERE action = 'auth.login_failed' ORDER BY id DESC LIMIT 1",
    );
    expect(rows[0]).toEqual({ district_id: t.fixture.districtA, entity_id: t.fixture.accounts.board!.id });
  });

  it('accepts a Microsoft work account without email_verified, but not the same token shape from Google', async () => {
    const viaMicrosoft = await signInWith('microsoft', 'coach');
    expect(viaMicrosoft.location).toBe('/');
    expect((await me(viaMicrosoft.browser)).body.email).toBe('coach@test.example.org');
    expect((await lastAudit('auth.login'))?.details).toEqual({ method: 'oidc:microsoft' });

    const viaGoogle = await signInWith('google', 'coach');
    expect(viaGoogle.location).toBe('/sign-in?error=oidc_email_unverified');
  });

  it('refuses a replayed callback, even with the state cookie put back', async () => {
    const { browser, callbackUrl, location } = await signInWith('google', 'admin');
    expect(location).toBe('/');
    // The callback clears the state cookie; put it back so the single-use check itself is tested.
    browser.setCookie(app, 'dops_oidc_state', callbackUrl.searchParams.get('state')!);
    const replay = await browser.request(callbackUrl);
    expect(replay.headers.get('location')).toBe('/sign-in?error=oidc_state_invalid');
    expect((await lastAudit('auth.login_failed'))?.details).toMatchObject({ reason: 'oidc_state_invalid', detail: 'state_unknown' });
  });

  it('refuses a callback in a browser that did not start the sign-in (login CSRF)', async () => {
    const starter = new TestBrowser();
    const callbackUrl = await signInAtProvider(starter, `${app}/api/auth/oidc/google/start`, 'admin');
    const victim = new TestBrowser();
    const res = await victim.request(callbackUrl);
    expect(res.headers.get('location')).toBe('/sign-in?error=oidc_state_invalid');
    expect((await me(victim)).status).toBe(401);
  });

  it('refuses an unknown state', async () => {
    const browser = new TestBrowser();
    browser.setCookie(app, 'dops_oidc_state', 'made-up-state');
    const res = await browser.request(`${app}/api/auth/oidc/google/callback?code=made-up-code&state=made-up-state`);
    expect(res.headers.get('location')).toBe('/sign-in?error=oidc_state_invalid');
  });

  it('refuses a sign-in that took longer than ten minutes', async () => {
    const browser = new TestBrowser();
    const callbackUrl = await signInAtProvider(browser, `${app}/api/auth/oidc/google/start`, 'admin');
    await t.testDb.db.query("UPDATE oidc_logins SET created_at = now() - interval '11 minutes' WHERE state = $1", [
      callbackUrl.searchParams.get('state'),
    ]);
    const res = await browser.request(callbackUrl);
    expect(res.headers.get('location')).toBe('/sign-in?error=oidc_state_invalid');
    expect((await me(browser)).status).toBe(401);
  });

  it('reports a cancelled sign-in at the provider as denied', async () => {
    const browser = new TestBrowser();
    const start = await browser.request(`${app}/api/auth/oidc/google/start`);
    const state = new URL(start.headers.get('location')!).searchParams.get('state')!;
    const res = await browser.request(
      `${app}/api/auth/oidc/google/callback?error=access_denied&state=${state}&iss=${encodeURIComponent(idp.issuer)}`,
    );
    expect(res.headers.get('location')).toBe('/sign-in?error=oidc_denied');
  });
});
