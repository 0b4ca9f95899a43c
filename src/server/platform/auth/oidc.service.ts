import type * as Oidc from 'openid-client';
import type { OidcProviderConfig } from '../../config';
import type { Db, Queryable } from '../../db/client';
import type { OidcErrorCode, OidcProviderId } from '../../../shared/api/auth';
import { findAccountByEmail, type AccountRow } from './accounts.repository';
import { emailFromClaims } from './oidc-email';
import { sha256 } from './crypto';

/** How long a started sign-in may take at the provider before its state is refused. */
export const OIDC_STATE_TTL_MINUTES = 10;
// Metadata rarely changes; a day bounds how long an endpoint move goes unnoticed. Signing keys
// are not affected: the library refetches the key set when it meets an unknown key id.
const DISCOVERY_TTL_MS = 24 * 3_600_000;
const SCOPE = 'openid email profile';
// Loaded with the first single sign-on: a server signing in by password alone never pays for it.
const loadOidc = () => import('openid-client');

/** A refused single sign-on, with a stable code the sign-in page can explain. */
export class OidcLoginError extends Error {
  constructor(
    readonly code: OidcErrorCode,
    message: string,
    // Enough to audit the refusal; never the account row, which would put its password hash in logs.
    readonly context: { email?: string | undefined; accountId?: string; districtId?: string; reason?: string } = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface OidcClients {
  configured(): OidcProviderConfig[];
  find(id: OidcProviderId): OidcProviderConfig | undefined;
  redirectUri(id: OidcProviderId): string;
  /** The provider's discovered metadata, fetched once and cached; a failed discovery is retried next time. */
  configuration(id: OidcProviderId): Promise<Oidc.Configuration>;
}

// Plain http is allowed only for an issuer on this machine (tests, a local provider): over a
// network it would expose the code exchange and let anyone on the path forge ID tokens.
function isLoopback(url: URL): boolean {
  return url.protocol === 'http:' && (url.hostname === 'localhost' || url.hostname === '[::1]' || /^127\./.test(url.hostname));
}

export function createOidcClients(o: { providers: OidcProviderConfig[]; publicUrl: string | undefined }): OidcClients {
  const cache = new Map<OidcProviderId, { at: number; configuration: Promise<Oidc.Configuration> }>();
  const find = (id: OidcProviderId) => o.providers.find((p) => p.id === id);

  const discover = async (p: OidcProviderConfig) => {
    const issuer = new URL(p.issuer);
    const oidc = await loadOidc();
    return oidc.discovery(issuer, p.clientId, undefined, oidc.ClientSecretPost(p.clientSecret), {
      timeout: 10,
      execute: isLoopback(issuer) ? [oidc.allowInsecureRequests] : [],
    });
  };

  return {
    configured: () => o.providers,
    find,
    // config.ts requires PUBLIC_URL whenever a provider is configured.
    redirectUri: (id) => `${o.publicUrl}/api/auth/oidc/${id}/callback`,
    configuration(id) {
      const p = find(id);
      if (!p) return Promise.reject(new Error(`OIDC provider ${id} is not configured`));
      const hit = cache.get(id);
      if (hit && Date.now() - hit.at < DISCOVERY_TTL_MS) return hit.configuration;
      const configuration = discover(p);
      cache.set(id, { at: Date.now(), configuration });
      void configuration.catch(() => {
        if (cache.get(id)?.configuration === configuration) cache.delete(id);
      });
      return configuration;
    },
  };
}

/**
 * A same-site path to go to after sign-in, or undefined. Only a path on this site passes, so the
 * sign-in can never be used to bounce a user to another site (open redirect).
 */
export function safeReturnTo(value: string | null | undefined): string | undefined {
  if (!value || value.length > 2000) return undefined;
  // Browsers read '//host' and '/\host' as another site, and drop control characters before parsing.
  if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\') || /\p{Cc}/u.test(value)) return undefined;
  const base = 'http://districtops.invalid';
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return undefined;
  }
  return url.origin === base ? `${url.pathname}${url.search}${url.hash}` : undefined;
}

/**
 * Begins a sign-in: records state, nonce and PKCE verifier (single use, 10 minutes) and returns
 * the provider's authorization URL. The state also goes into a cookie, so the callback only
 * completes in the browser that started it (no login CSRF).
 */
export async function startOidcLogin(o: {
  db: Queryable;
  clients: OidcClients;
  provider: OidcProviderId;
  returnTo: string | undefined;
}): Promise<{ url: URL; state: string }> {
  let configuration: Oidc.Configuration;
  try {
    configuration = await o.clients.configuration(o.provider);
  } catch (err) {
    throw new OidcLoginError('oidc_failed', 'The sign-in provider could not be reached', {}, { cause: err });
  }
  const oidc = await loadOidc();
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  // Abandoned sign-ins would otherwise stay forever; this keeps the table to ten minutes of starts.
  await o.db.query(`DELETE FROM oidc_logins WHERE created_at < now() - make_interval(mins => $1)`, [OIDC_STATE_TTL_MINUTES]);
  await o.db.query('INSERT INTO oidc_logins (state, provider, nonce, code_verifier, return_to) VALUES ($1, $2, $3, $4, $5)', [
    state,
    o.provider,
    nonce,
    codeVerifier,
    safeReturnTo(o.returnTo) ?? null,
  ]);
  // PKCE is sent even when the metadata does not advertise it (ClassLink): a server without
  // PKCE ignores it, and state and nonce still protect the exchange.
  const url = oidc.buildAuthorizationUrl(configuration, {
    redirect_uri: o.clients.redirectUri(o.provider),
    scope: SCOPE,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { url, state };
}

interface LoginRow {
  nonce: string;
  code_verifier: string;
  return_to: string | null;
  fresh: boolean;
}

/** Takes a started sign-in out of the table: a state works once, whatever happens next. */
async function consumeState(db: Queryable, provider: OidcProviderId, state: string): Promise<LoginRow | undefined> {
  const { rows } = await db.query<LoginRow>(
    `DELETE FROM oidc_logins WHERE state = $1 AND provider = $2
     RETURNING nonce, code_verifier, return_to, created_at > now() - make_interval(mins => $3) AS fresh`,
    [state, provider, OIDC_STATE_TTL_MINUTES],
  );
  const row = rows[0];
  return row?.fresh ? row : undefined;
}

function sameSecret(a: string, b: string): boolean {
  // Compared as hashes so the time taken says nothing about how much of the value matched.
  return sha256(a) === sha256(b);
}

async function exchangeCode(configuration: Oidc.Configuration, callbackUrl: URL, state: string, login: LoginRow): Promise<Oidc.IDToken> {
  const oidc = await loadOidc();
  try {
    const tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
      pkceCodeVerifier: login.code_verifier,
      expectedNonce: login.nonce,
      expectedState: state,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims) throw new Error('The token response carried no ID token');
    return claims;
  } catch (err) {
    if (err instanceof oidc.AuthorizationResponseError) {
      throw new OidcLoginError('oidc_denied', 'The provider did not sign you in', { reason: err.error }, { cause: err });
    }
    throw new OidcLoginError('oidc_failed', 'The sign-in could not be completed', { reason: 'exchange_failed' }, { cause: err });
  }
}

/**
 * Completes a sign-in from the provider's redirect: checks the state (bound to this browser,
 * unexpired, unused), exchanges the code (the library validates the ID token's signature,
 * issuer, audience, expiry and nonce), then finds the account by the verified email address.
 * Accounts are never created here: an unknown address is refused.
 */
export async function completeOidcLogin(o: {
  db: Db;
  clients: OidcClients;
  provider: OidcProviderId;
  /** The URL the provider redirected to, with its query (code, state, iss or error). */
  callbackUrl: URL;
  /** The state this browser was given at the start (from its cookie). */
  browserState: string | undefined;
}): Promise<{ account: AccountRow; email: string; returnTo: string | undefined }> {
  const state = o.callbackUrl.searchParams.get('state');
  if (!state || !o.browserState || !sameSecret(state, o.browserState)) {
    throw new OidcLoginError('oidc_state_invalid', 'This sign-in was not started in this browser', { reason: 'state_not_bound' });
  }
  const login = await consumeState(o.db, o.provider, state);
  if (!login) throw new OidcLoginError('oidc_state_invalid', 'This sign-in expired or was already used', { reason: 'state_unknown' });

  let configuration: Oidc.Configuration;
  try {
    configuration = await o.clients.configuration(o.provider);
  } catch (err) {
    throw new OidcLoginError('oidc_failed', 'The sign-in provider could not be reached', { reason: 'discovery_failed' }, { cause: err });
  }
  const claims = await exchangeCode(configuration, o.callbackUrl, state, login);

  const found = emailFromClaims(o.provider, claims);
  if (!found.ok) {
    throw new OidcLoginError('oidc_email_unverified', 'The provider did not confirm your email address', {
      email: found.email,
      reason: found.reason,
    });
  }
  const account = await findAccountByEmail(o.db, found.email);
  if (!account) throw new OidcLoginError('oidc_no_account', 'No DistrictOps account uses this email address', { email: found.email });
  if (account.status !== 'active') {
    throw new OidcLoginError('oidc_account_disabled', 'This account is disabled', {
      email: found.email,
      accountId: account.id,
      districtId: account.district_id,
    });
  }
  // A password lockout is not checked: it guards the password against guessing, and this
  // sign-in did not use the password.
  await o.db.query('UPDATE accounts SET last_login_at = now() WHERE id = $1', [account.id]);
  return { account, email: found.email, returnTo: safeReturnTo(login.return_to) };
}
