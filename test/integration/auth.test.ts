import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../helpers/app';
import { PASSWORD } from '../helpers/fixture';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { LOGIN_MAX_FAILURES: '3', LOGIN_LOCKOUT_MINUTES: '15' } });
});
afterAll(() => t.close());

describe('sign-in', () => {
  it('signs in with one JSON POST and sets an HttpOnly, SameSite=Lax session cookie', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'Admin@Test.Example.org', password: PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'dops_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.secure).toBeFalsy();
    const me = res.json<{ me: { email: string; roles: string[]; csrfToken: string } }>().me;
    expect(me.email).toBe('admin@test.example.org');
    expect(me.roles).toEqual(['district_admin']);
    expect(me.csrfToken.length).toBeGreaterThan(20);
  });

  it('marks the cookie Secure behind an HTTPS proxy', async () => {
    const t2 = await createTestApp({ env: { TRUST_PROXY: '1' } });
    try {
      const res = await t2.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'x-forwarded-proto': 'https' },
        payload: { email: 'admin@test.example.org', password: PASSWORD },
      });
      expect(res.cookies.find((c) => c.name === 'dops_session')!.secure).toBe(true);
    } finally {
      await t2.close();
    }
  });

  it('refuses a wrong password with invalid_credentials, the same as an unknown email', async () => {
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'it@test.example.org', password: 'nope nope nope' },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'ghost@test.example.org', password: 'nope nope nope' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('invalid_credentials');
    expect(unknown.json().error.message).toBe(wrong.json().error.message);
    expect(wrong.cookies).toHaveLength(0);
  });

  it('names the field of a malformed sign-in', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'not-an-email', password: 'x' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'validation_failed', field: 'email' });
  });

  it('locks an account after repeated failures, even against the right password, and the admin can unlock it', async () => {
    const email = 'coach@test.example.org';
    for (let i = 0; i < 2; i++) {
      const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: 'wrong password!' } });
      expect(r.statusCode).toBe(401);
    }
    const third = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: 'wrong password!' } });
    expect(third.statusCode).toBe(423);
    expect(third.json().error.code).toBe('account_locked');
    expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
    const right = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: PASSWORD } });
    expect(right.statusCode).toBe(423);

    const admin = await signIn(t.app, 'admin@test.example.org');
    const unlock = await admin.inject({
      method: 'PATCH',
      url: `/api/admin/accounts/${t.fixture.accounts.coach!.id}`,
      payload: { unlock: true },
    });
    expect(unlock.statusCode).toBe(200);
    const after = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: PASSWORD } });
    expect(after.statusCode).toBe(200);
  });

  it('rate-limits sign-in attempts from one address', async () => {
    const t2 = await createTestApp({ env: { LOGIN_RATE_PER_MINUTE: '3' } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) {
        const r = await t2.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: 'x@test.example.org', password: 'whatever pw' },
        });
        codes.push(r.statusCode);
      }
      expect(codes).toEqual([401, 401, 401, 429]);
    } finally {
      await t2.close();
    }
  });
});

describe('sessions and CSRF', () => {
  it('refuses a cookie-authenticated write without the CSRF token, and accepts it with the token', async () => {
    const c = await signIn(t.app, 'admin@test.example.org');
    const without = await t.app.inject({ method: 'PATCH', url: '/api/me', headers: { cookie: c.cookie }, payload: { language: 'es' } });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.code).toBe('csrf_failed');
    const wrong = await t.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: { cookie: c.cookie, 'x-csrf-token': 'forged' },
      payload: { language: 'es' },
    });
    expect(wrong.statusCode).toBe(403);
    const ok = await c.inject({ method: 'PATCH', url: '/api/me', payload: { language: 'es' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().language).toBe('es');
  });

  it('refuses a write from another origin even with a valid token', async () => {
    const c = await signIn(t.app, 'admin@test.example.org');
    const res = await c.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: { origin: 'https://evil.example.com' },
      payload: { language: 'en' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf_failed');
  });

  it('ends the session on the server at sign-out: the old cookie no longer works', async () => {
    const c = await signIn(t.app, 'it@test.example.org');
    expect((await c.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(200);
    expect((await c.inject({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(200);
    const after = await c.inject({ method: 'GET', url: '/api/me' });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('authentication_required');
  });

  it('lists active sessions and signs out the others', async () => {
    const a = await signIn(t.app, 'privacy@test.example.org');
    const b = await signIn(t.app, 'privacy@test.example.org');
    const list = await a.inject({ method: 'GET', url: '/api/me/sessions' });
    const items = list.json<{ items: { current: boolean }[] }>().items;
    expect(items.length).toBeGreaterThanOrEqual(2);
    expect(items.filter((s) => s.current)).toHaveLength(1);
    const ended = await a.inject({ method: 'POST', url: '/api/me/sessions/end-others' });
    expect(ended.json().ended).toBeGreaterThanOrEqual(1);
    expect((await b.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    expect((await a.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(200);
  });

  it('changes a password only with the current one', async () => {
    const c = await signIn(t.app, 'board@test.example.org');
    const bad = await c.inject({
      method: 'POST',
      url: '/api/me/password',
      payload: { currentPassword: 'wrong', newPassword: 'a much longer new password' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('currentPassword');
    const short = await c.inject({ method: 'POST', url: '/api/me/password', payload: { currentPassword: PASSWORD, newPassword: 'short' } });
    expect(short.json().error.field).toBe('newPassword');
    const ok = await c.inject({
      method: 'POST',
      url: '/api/me/password',
      payload: { currentPassword: PASSWORD, newPassword: 'a much longer new password' },
    });
    expect(ok.statusCode).toBe(200);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'board@test.example.org', password: 'a much longer new password' },
    });
    expect(login.statusCode).toBe(200);
  });
});

describe('API tokens', () => {
  it('shows the secret once, authenticates with it, records last use, and stops at revocation', async () => {
    const admin = await signIn(t.app, 'admin@test.example.org');
    const created = await admin.inject({ method: 'POST', url: '/api/admin/tokens', payload: { name: 'SIS sync', role: 'it_staff' } });
    expect(created.statusCode).toBe(201);
    const { token, info } = created.json<{ token: string; info: { id: string } }>();
    expect(token).toMatch(/^dops_/);

    const list = await admin.inject({ method: 'GET', url: '/api/admin/tokens' });
    expect(list.body).not.toContain(token);

    const use = await t.app.inject({ method: 'GET', url: '/api/people?role=student', headers: { authorization: `Bearer ${token}` } });
    expect(use.statusCode).toBe(200);
    const listed = (await admin.inject({ method: 'GET', url: '/api/admin/tokens' })).json<{
      items: { id: string; lastUsedAt: string | null }[];
    }>();
    expect(listed.items.find((i) => i.id === info.id)!.lastUsedAt).not.toBeNull();

    // Tokens carry no ambient authority, so their writes need no CSRF token; but this role may not manage tokens.
    const forbidden = await t.app.inject({
      method: 'POST',
      url: '/api/admin/tokens',
      headers: { authorization: `Bearer ${token}` },
      payload: { name: 'x', role: 'board' },
    });
    expect(forbidden.statusCode).toBe(403);

    expect((await admin.inject({ method: 'DELETE', url: `/api/admin/tokens/${info.id}` })).statusCode).toBe(200);
    const after = await t.app.inject({ method: 'GET', url: '/api/people', headers: { authorization: `Bearer ${token}` } });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('invalid_token');
  });

  it('scopes a principal token to its schools', async () => {
    const admin = await signIn(t.app, 'admin@test.example.org');
    const noSchool = await admin.inject({ method: 'POST', url: '/api/admin/tokens', payload: { name: 'p', role: 'principal' } });
    expect(noSchool.statusCode).toBe(400);
    expect(noSchool.json().error.field).toBe('schoolIds');
    const { token } = (
      await admin.inject({
        method: 'POST',
        url: '/api/admin/tokens',
        payload: { name: 'North dashboard', role: 'principal', schoolIds: [t.fixture.schools.north] },
      })
    ).json<{ token: string }>();
    const auth = { authorization: `Bearer ${token}` };
    const people = await t.app.inject({ method: 'GET', url: '/api/people?role=student', headers: auth });
    expect(
      people
        .json<{ items: { givenName: string }[] }>()
        .items.map((p) => p.givenName)
        .sort(),
    ).toEqual(['Ana', 'Ben', 'Cal']);
    expect((await t.app.inject({ method: 'GET', url: `/api/people/${t.fixture.people.dee}`, headers: auth })).statusCode).toBe(404);
  });

  it('refuses a board token any student record', async () => {
    const admin = await signIn(t.app, 'admin@test.example.org');
    const { token } = (
      await admin.inject({ method: 'POST', url: '/api/admin/tokens', payload: { name: 'Board report', role: 'board' } })
    ).json<{ token: string }>();
    const auth = { authorization: `Bearer ${token}` };
    expect((await t.app.inject({ method: 'GET', url: '/api/district/summary', headers: auth })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `/api/people/${t.fixture.people.ana}`, headers: auth })).statusCode).toBe(403);
  });
});

describe('password reset', () => {
  it('sets a new password with a single-use token and ends existing sessions', async () => {
    const { createPasswordReset } = await import('../../src/server/platform/auth/password-reset.service');
    const existing = await signIn(t.app, 'principalNorth@test.example.org');
    const reset = (await createPasswordReset(t.testDb.db, 'principalnorth@test.example.org'))!;
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/confirm',
      payload: { token: reset.token, password: 'brand new principal password' },
    });
    expect(ok.statusCode).toBe(200);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/confirm',
      payload: { token: reset.token, password: 'another new password!!' },
    });
    expect(again.statusCode).toBe(401);
    expect(again.json().error).toMatchObject({ code: 'invalid_token', field: 'token' });
    expect((await existing.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    await signIn(t.app, 'principalNorth@test.example.org', 'brand new principal password');
  });

  it('answers the same for known and unknown emails', async () => {
    const known = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email: 'it@test.example.org' } });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email: 'nobody@test.example.org' } });
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(known.json()).toEqual(unknown.json());
  });
});
