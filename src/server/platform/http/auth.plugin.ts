import { timingSafeEqual } from 'node:crypto';
import fp from 'fastify-plugin';
import cookie from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors';
import { permissions, rolesHave, type Permission } from '../policy';
import type { Actor } from '../actor';
import type { RequestContext } from '../audit';
import { actorForSessionCookie } from '../auth/sessions.service';
import { actorForApiToken } from '../auth/api-tokens.service';

export const SESSION_COOKIE = 'dops_session';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function safeEqual(a: string, b: string) {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

/** The signed-in actor, or a 401 for routes that need one. */
export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('authentication_required', 'Sign in to continue');
  return req.actor;
}

export function requestContext(req: FastifyRequest): RequestContext {
  return { actor: req.actor, ip: req.ip, userAgent: req.headers['user-agent'], requestId: req.id };
}

export function isSecureRequest(req: FastifyRequest, publicUrl: string | undefined) {
  return req.protocol === 'https' || Boolean(publicUrl?.startsWith('https://'));
}

export function setSessionCookie(req: FastifyRequest, reply: FastifyReply, value: string, expires: Date, publicUrl: string | undefined) {
  reply.setCookie(SESSION_COOKIE, value, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: isSecureRequest(req, publicUrl),
    expires,
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/**
 * Authenticates every request (session cookie or `Authorization: Bearer` token), defends
 * cookie-authenticated writes against CSRF, and enforces each route's declared permission.
 * A route under /api without a permission makes startup fail.
 */
export const authPlugin = fp(
  async (app) => {
    await app.register(cookie);
    app.decorateRequest('actor', null);

    app.addHook('onRoute', (route) => {
      if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
      const permission = route.config?.permission;
      if (!permission || !permissions.includes(permission)) {
        throw new Error(`Route ${String(route.method)} ${route.url} declares no valid permission (config.permission)`);
      }
    });

    app.addHook('onRequest', async (req) => {
      // The web app's files (and unknown paths) declare no permission and act on nobody's
      // authority: looking the session up for each of a page's scripts would cost three queries apiece.
      if (!req.routeOptions.config?.permission) return;
      const auth = req.headers.authorization;
      if (auth) {
        const m = /^Bearer\s+(\S+)$/i.exec(auth);
        const actor = m ? await actorForApiToken(app.db, m[1]!, req.ip) : undefined;
        if (!actor) throw new AppError('invalid_token', 'The API token is invalid, expired or revoked');
        req.actor = actor;
        return;
      }
      const cookieValue = req.cookies[SESSION_COOKIE];
      if (cookieValue) req.actor = (await actorForSessionCookie(app.db, cookieValue)) ?? null;
    });

    app.addHook('preHandler', async (req) => {
      const permission: Permission | undefined = req.routeOptions.config?.permission;
      if (!permission) return; // non-API routes (the web app's files)

      // Public writes (sign-in, password reset) act on no session's authority: only the Origin is checked.
      if (UNSAFE.has(req.method)) checkCsrf(req, app.config.publicUrl, permission !== 'public');

      if (permission === 'public') return;
      const actor = requireActor(req);
      if (!rolesHave(actor.roles, permission)) throw new AppError('forbidden', 'Your role does not allow this');
    });
  },
  { name: 'auth', dependencies: ['errors'] },
);

function checkCsrf(req: FastifyRequest, publicUrl: string | undefined, checkSessionToken: boolean) {
  // Cross-site form posts and fetches carry an Origin: refuse any that is not ours.
  const origin = req.headers.origin;
  if (origin && origin !== 'null') {
    const host = String(req.headers['x-forwarded-host'] ?? req.headers.host);
    const ours = new Set([`${req.protocol}://${host}`, publicUrl].filter(Boolean));
    if (!ours.has(origin)) throw new AppError('csrf_failed', 'Cross-site request refused');
  } else if (origin === 'null') {
    throw new AppError('csrf_failed', 'Cross-site request refused');
  }
  // A session cookie is ambient authority: writes made with it must also echo the session's CSRF token.
  const actor = req.actor;
  if (checkSessionToken && actor?.kind === 'session' && actor.csrfToken) {
    const sent = req.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !safeEqual(sent, actor.csrfToken)) {
      throw new AppError('csrf_failed', 'Missing or wrong X-CSRF-Token header');
    }
  }
}
