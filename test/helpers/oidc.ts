import { generateKeyPairSync } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type ClientMetadata } from 'oidc-provider';
import { reservePort } from './port';

export { reservePort };

export interface TestIdentityProvider {
  issuer: string;
  close(): Promise<void>;
}

/**
 * A real OpenID Provider (oidc-provider) on loopback. Its development login page accepts any
 * password; the login name picks the user, whose claims come from `users`.
 */
export async function startIdentityProvider(o: {
  clients: ClientMetadata[];
  users: Record<string, Record<string, unknown>>;
}): Promise<TestIdentityProvider> {
  // The issuer URL contains the port, so the server listens first and the provider is made after.
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: o.clients,
    findAccount: (_ctx, sub) => {
      const claims = o.users[sub];
      return claims && { accountId: sub, claims: () => ({ sub, ...claims }) };
    },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'preferred_username'] },
    // Like Google and Microsoft, put the requested claims in the ID token, not only in userinfo.
    conformIdTokenClaims: false,
    cookies: { keys: ['test-only-cookie-signing-key'] },
    // Explicit keys and lifetimes keep the provider's "development default" notices out of test output.
    jwks: { keys: [{ ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }), use: 'sig' }] },
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 600, IdToken: 600, Interaction: 600, Session: 600 },
    features: { devInteractions: { enabled: true } },
  });
  server.on('request', provider.callback());
  return {
    issuer,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

/**
 * Just enough of a browser for redirect-based sign-in: a cookie jar per origin (ports apart,
 * which is stricter than a real browser and keeps the two servers' cookies from mixing),
 * manual redirects, and form posts.
 */
export class TestBrowser {
  private readonly jars = new Map<string, Map<string, string>>();

  setCookie(origin: string, name: string, value: string) {
    const jar = this.jars.get(origin) ?? new Map<string, string>();
    jar.set(name, value);
    this.jars.set(origin, jar);
  }

  cookie(origin: string, name: string): string | undefined {
    return this.jars.get(origin)?.get(name);
  }

  async request(url: string | URL, init: { method?: string; form?: Record<string, string> } = {}): Promise<Response> {
    const target = new URL(url);
    const jar = this.jars.get(target.origin);
    const headers: Record<string, string> = {};
    if (jar?.size) headers.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    if (init.form) headers['content-type'] = 'application/x-www-form-urlencoded';
    const res = await fetch(target, {
      method: init.method ?? (init.form ? 'POST' : 'GET'),
      headers,
      body: init.form ? new URLSearchParams(init.form).toString() : undefined,
      redirect: 'manual',
    });
    for (const line of res.headers.getSetCookie()) this.storeCookie(target.origin, line);
    return res;
  }

  private storeCookie(origin: string, line: string) {
    const [pair = '', ...attributes] = line.split(';').map((s) => s.trim());
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq);
    const value = pair.slice(eq + 1);
    const expired = attributes.some((a) => {
      const [k = '', v = ''] = a.split('=');
      if (k.toLowerCase() === 'max-age') return Number(v) <= 0;
      if (k.toLowerCase() === 'expires') return new Date(v).getTime() <= Date.now();
      return false;
    });
    if (expired || value === '') this.jars.get(origin)?.delete(name);
    else this.setCookie(origin, name, value);
  }
}

/**
 * Drives a sign-in from DistrictOps' start URL through the provider's login and consent pages,
 * and returns the callback URL the provider redirects back to (not yet visited).
 */
export async function signInAtProvider(browser: TestBrowser, startUrl: string, login: string): Promise<URL> {
  const appOrigin = new URL(startUrl).origin;
  let res = await browser.request(startUrl);
  let url = new URL(startUrl);
  for (let step = 0; step < 20; step++) {
    if (res.status >= 300 && res.status < 400) {
      const next = new URL(res.headers.get('location') ?? '', url);
      if (next.origin === appOrigin) return next;
      url = next;
      res = await browser.request(url);
      continue;
    }
    const html = await res.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    const prompt = /name="prompt" value="([^"]+)"/.exec(html)?.[1];
    if (res.status !== 200 || !action || !prompt)
      throw new Error(`Unexpected provider page ${res.status} at ${url.href}: ${html.slice(0, 500)}`);
    url = new URL(action.replace(/&amp;/g, '&'), url);
    const form: Record<string, string> = prompt === 'login' ? { prompt, login, password: 'any' } : { prompt };
    res = await browser.request(url, { form });
  }
  throw new Error('The provider never redirected back to DistrictOps');
}
