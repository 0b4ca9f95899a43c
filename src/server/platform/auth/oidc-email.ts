import { z } from 'zod';
import type { IDToken } from 'openid-client';
import type { OidcProviderId } from '../../../shared/api/auth';
import { limits } from '../../../shared/limits';

export type EmailFromClaims = { ok: true; email: string } | { ok: false; email: string | undefined; reason: string };

const emailFormat = z.email().max(limits.emailMax);

function asEmail(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return emailFormat.safeParse(trimmed).success ? trimmed : undefined;
}

// Some issuers send booleans as strings; an explicit "no" in any spelling must count as no.
function isExplicitlyFalse(value: unknown): boolean {
  return value === false || value === 'false' || value === 0 || value === '0';
}

const guid = /[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}/i;

/**
 * Entra names the directory that authenticated a guest in `idp`. It may name the district's own
 * tenant in the v1 form (https://sts.windows.net/<tenant>/), so tenants are compared, not strings.
 */
function isGuest(claims: IDToken): boolean {
  if (typeof claims.idp !== 'string' || claims.idp === claims.iss) return false;
  const tenant = guid.exec(claims.iss)?.[0]?.toLowerCase();
  return !tenant || !claims.idp.toLowerCase().includes(tenant);
}

/**
 * The email address an ID token vouches for, which is how a DistrictOps account is found.
 * An address is only trusted when the provider says it verified it (`email_verified: true`).
 *
 * Microsoft Entra ID is the exception: it omits `email_verified` for work and school accounts,
 * and Microsoft's own claims reference calls `email` and `preferred_username` mutable and unfit
 * for authorization in general. They are accepted here only because of what surrounds them:
 * - the issuer is pinned to the district's own tenant (config refuses a Microsoft issuer without
 *   a tenant, and the library checks `iss`), so a user from another tenant cannot present a
 *   token at all - the multi-tenant "nOAuth" takeover needs a token from a rogue tenant;
 * - inside that tenant, `mail` and the UPN behind `preferred_username` are set by the district's
 *   own administrators, and a UPN's domain must be one the tenant has proven it owns;
 * - guests (whose `idp` is another directory) are refused: their address is managed elsewhere;
 * - an explicit `email_verified: false`, or `xms_edov: false` (the optional "email domain owner
 *   verified" claim), is still a refusal.
 */
export function emailFromClaims(provider: OidcProviderId, claims: IDToken): EmailFromClaims {
  const email = asEmail(claims.email);
  if (claims.email_verified === true && email) return { ok: true, email };

  switch (provider) {
    case 'google':
    case 'classlink':
      return { ok: false, email, reason: email ? 'email_not_verified' : 'no_email' };
    case 'microsoft': {
      const candidate = email ?? asEmail(claims.preferred_username);
      if (isExplicitlyFalse(claims.email_verified) || isExplicitlyFalse(claims.xms_edov)) {
        return { ok: false, email: candidate, reason: 'email_not_verified' };
      }
      if (isGuest(claims)) return { ok: false, email: candidate, reason: 'guest_account' };
      if (!candidate) return { ok: false, email: undefined, reason: 'no_email' };
      return { ok: true, email: candidate };
    }
  }
}
