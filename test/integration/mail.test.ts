import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../helpers/app';
import { decodeBody, startSmtpServer } from '../helpers/smtp';

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let t: TestApp;
beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({
    env: { SMTP_URL: smtp.url, PUBLIC_URL: 'https://ops.riverside.example.org', MAIL_FROM: 'ops@riverside.example.org' },
  });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

async function waitForMail(to: string) {
  for (let i = 0; i < 50; i++) {
    const m = smtp.inbox.find((x) => x.to.includes(to));
    if (m) return m;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no mail to ${to}`);
}

function linkToken(raw: string) {
  const m = /https:\/\/ops\.riverside\.example\.org\/reset-password\?token=([A-Za-z0-9_-]+)/.exec(decodeBody(raw));
  if (!m) throw new Error('no reset link in the message');
  return m[1]!;
}

describe('email through a real SMTP server', () => {
  it('sends a bilingual password-reset link that sets a new password once', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email: 'it@test.example.org' } });
    expect(res.statusCode).toBe(202);
    expect(res.json().emailConfigured).toBe(true);
    const mail = await waitForMail('it@test.example.org');
    expect(mail.from).toBe('ops@riverside.example.org');
    expect(decodeBody(mail.raw)).toContain('Alguien pidi');
    const token = linkToken(mail.raw);
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/confirm',
      payload: { token, password: 'reset by email works' },
    });
    expect(ok.statusCode).toBe(200);
    await signIn(t.app, 'it@test.example.org', 'reset by email works');
  });

  it('sends nothing for an unknown email', async () => {
    const before = smtp.inbox.length;
    await t.app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email: 'stranger@test.example.org' } });
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.inbox.length).toBe(before);
  });

  it("invites a new account by email; the link sets the account's first password", async () => {
    const admin = await signIn(t.app, 'admin@test.example.org');
    const created = await admin.inject({
      method: 'POST',
      url: '/api/admin/accounts',
      payload: { email: 'newcoach@test.example.org', displayName: 'New Coach', roles: [{ role: 'instructional_coach', schoolId: null }] },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().emailed).toBe(true);
    const token = linkToken((await waitForMail('newcoach@test.example.org')).raw);
    expect(created.json().setupUrl).toContain(token);
    // No password until the link is used.
    const before = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'newcoach@test.example.org', password: 'anything at all' },
    });
    expect(before.statusCode).toBe(401);
    await t.app.inject({ method: 'POST', url: '/api/auth/password-reset/confirm', payload: { token, password: 'my first password here' } });
    const me = await (await signIn(t.app, 'newcoach@test.example.org', 'my first password here')).inject({ method: 'GET', url: '/api/me' });
    expect(me.json().roles).toEqual(['instructional_coach']);
  });

  it('refuses a principal account without a school, naming the field', async () => {
    const admin = await signIn(t.app, 'admin@test.example.org');
    const res = await admin.inject({
      method: 'POST',
      url: '/api/admin/accounts',
      payload: { email: 'p2@test.example.org', displayName: 'P2', roles: [{ role: 'principal', schoolId: null }] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('roles.0.schoolId');
    const teacher = await admin.inject({
      method: 'POST',
      url: '/api/admin/accounts',
      payload: { email: 't2@test.example.org', displayName: 'T2', roles: [{ role: 'teacher', schoolId: null }] },
    });
    expect(teacher.json().error.field).toBe('personId');
  });
});
