import { describe, expect, it } from 'vitest';
import type { IDToken } from 'openid-client';
import { emailFromClaims } from './oidc-email';

const tenant = '6babcaad-604b-40ac-a9d7-9fd97c0b779f';
const entraIssuer = `https://login.microsoftonline.com/${tenant}/v2.0`;

function token(claims: Record<string, unknown>, iss = 'https://issuer.example'): IDToken {
  return { iss, sub: 's', aud: 'c', iat: 0, exp: 0, ...claims };
}

describe('emailFromClaims', () => {
  it('trusts an address only when the provider says it verified it (Google, ClassLink)', () => {
    expect(emailFromClaims('google', token({ email: 'a@x.org', email_verified: true }))).toEqual({ ok: true, email: 'a@x.org' });
    for (const provider of ['google', 'classlink'] as const) {
      expect(emailFromClaims(provider, token({ email: 'a@x.org' }))).toMatchObject({ ok: false, reason: 'email_not_verified' });
      expect(emailFromClaims(provider, token({ email: 'a@x.org', email_verified: 'true' }))).toMatchObject({ ok: false });
      expect(emailFromClaims(provider, token({ email_verified: true }))).toMatchObject({ ok: false, reason: 'no_email' });
    }
  });

  it('accepts a member of the pinned Entra tenant by email or preferred_username', () => {
    expect(emailFromClaims('microsoft', token({ email: 'a@x.org' }, entraIssuer))).toEqual({ ok: true, email: 'a@x.org' });
    expect(emailFromClaims('microsoft', token({ preferred_username: 'b@x.org' }, entraIssuer))).toEqual({ ok: true, email: 'b@x.org' });
    // idp naming the same tenant in the v1 form is still a member.
    expect(emailFromClaims('microsoft', token({ email: 'a@x.org', idp: `https://sts.windows.net/${tenant}/` }, entraIssuer))).toMatchObject(
      {
        ok: true,
      },
    );
  });

  it('refuses Entra guests, explicit "not verified" claims, and usernames that are not addresses', () => {
    const refused = (claims: Record<string, unknown>) => emailFromClaims('microsoft', token(claims, entraIssuer));
    expect(refused({ email: 'a@x.org', idp: 'live.com' })).toMatchObject({ ok: false, reason: 'guest_account' });
    expect(refused({ email: 'a@x.org', idp: 'https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/' })).toMatchObject({
      ok: false,
      reason: 'guest_account',
    });
    expect(refused({ email: 'a@x.org', xms_edov: false })).toMatchObject({ ok: false, reason: 'email_not_verified' });
    expect(refused({ email: 'a@x.org', email_verified: false })).toMatchObject({ ok: false, reason: 'email_not_verified' });
    expect(refused({ preferred_username: '+15551234567' })).toMatchObject({ ok: false, reason: 'no_email' });
  });
});
