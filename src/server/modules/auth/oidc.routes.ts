import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  oidcProviderIdSchema,
  oidcProviderLabels,
  oidcProvidersSchema,
  oidcStartQuerySchema,
  type OidcErrorCode,
  type OidcProviderId,
} from '../../../shared/api/auth';
import { errorBodySchema } from '../../../shared/errors';
import { AppError } from '../../platform/errors';
import { writeAudit } from '../../platform/audit';
import { isSecureRequest } from '../../platform/http/auth.plugin';
import {
  completeOidcLogin,
  createOidcClients,
  OIDC_STATE_TTL_MINUTES,
  OidcLoginError,
  startOidcLogin,
} from '../../platform/auth/oidc.service';
import { startSession } from './start-session';

/** Holds the state of the sign-in this browser started; the callback must present the same. */
const STATE_COOKIE = 'dops_oidc_state';
const STATE_COOKIE_PATH = '/api/auth/oidc/';

const providerParams = z.object({ provider: oidcProviderIdSchema });
// The provider adds parameters of its own (iss, scope, session_state, ...); the whole query is
// handed to the library as the callback URL, so these fields only document the expected ones.
const callbackQuery = z.object({
  code: z.string().max(4000).optional(),
  state: z.string().max(500).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(2000).optional(),
  iss: z.string().max(500).optional(),
});
const redirect = z.null().describe('Redirect (Location header)');
const errors = { 400: errorBodySchema, 404: errorBodySchema, 429: errorBodySchema };

function signInErrorUrl(code: OidcErrorCode) {
  return `/sign-in?error=${code}`;
}

export const oidcRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app;
  const clients = createOidcClients({ providers: config.oidc, publicUrl: config.publicUrl });
  const rateLimit = { max: config.loginRatePerMinute, timeWindow: '1 minute' };

  const configuredProvider = (id: OidcProviderId) => {
    if (!clients.find(id)) throw new AppError('not_found', `Sign-in with ${oidcProviderLabels[id]} is not set up`);
    return id;
  };

  app.get(
    '/api/auth/oidc/providers',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'The single sign-on providers this district has set up',
        response: { 200: oidcProvidersSchema },
      },
    },
    async () => ({
      providers: clients.configured().map((p) => ({
        id: p.id,
        label: oidcProviderLabels[p.id],
        startUrl: `/api/auth/oidc/${p.id}/start`,
      })),
    }),
  );

  app.get(
    '/api/auth/oidc/:provider/start',
    {
      config: { permission: 'public', rateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Start single sign-on: redirects to the provider (returnTo: a path on this site to land on afterwards)',
        params: providerParams,
        querystring: oidcStartQuerySchema,
        response: { 302: redirect, ...errors },
      },
    },
    async (req, reply) => {
      const provider = configuredProvider(req.params.provider);
      try {
        const { url, state } = await startOidcLogin({ db, clients, provider, returnTo: req.query.returnTo });
        reply.setCookie(STATE_COOKIE, state, {
          path: STATE_COOKIE_PATH,
          httpOnly: true,
          // Lax, not strict: the provider's redirect back is a cross-site top-level navigation.
          sameSite: 'lax',
          secure: isSecureRequest(req, config.publicUrl),
          maxAge: OIDC_STATE_TTL_MINUTES * 60,
        });
        return reply.redirect(url.href, 302);
      } catch (err) {
        if (!(err instanceof OidcLoginError)) throw err;
        req.log.warn({ err: err.cause ?? err, provider }, 'OIDC sign-in could not start');
        return reply.redirect(signInErrorUrl(err.code), 302);
      }
    },
  );

  app.get(
    '/api/auth/oidc/:provider/callback',
    {
      config: { permission: 'public', rateLimit },
      schema: {
        tags: ['auth'],
        summary: "The provider's redirect back: signs in and redirects to returnTo, or to /sign-in?error=<code>",
        params: providerParams,
        querystring: callbackQuery,
        response: { 302: redirect, ...errors },
      },
    },
    async (req, reply) => {
      const provider = configuredProvider(req.params.provider);
      const method = `oidc:${provider}`;
      const callbackUrl = new URL(clients.redirectUri(provider));
      callbackUrl.search = new URL(req.url, 'http://callback.invalid').search;
      const browserState = req.cookies[STATE_COOKIE];
      reply.clearCookie(STATE_COOKIE, { path: STATE_COOKIE_PATH });
      try {
        const { account, returnTo } = await completeOidcLogin({ db, clients, provider, callbackUrl, browserState });
        // The same session, cookie and audit entry as password sign-in.
        await startSession(app, req, reply, account, method);
        return reply.redirect(returnTo ?? '/', 302);
      } catch (err) {
        if (!(err instanceof OidcLoginError)) throw err;
        if (err.code === 'oidc_failed') req.log.warn({ err: err.cause ?? err, provider }, 'OIDC sign-in failed');
        await writeAudit(db, {
          districtId: err.context.districtId ?? null,
          actor: null,
          actorLabel: (err.context.email ?? method).slice(0, 254),
          action: 'auth.login_failed',
          entityType: err.context.accountId ? 'account' : undefined,
          entityId: err.context.accountId,
          ip: req.ip,
          userAgent: req.headers['user-agent'],
          requestId: req.id,
          details: { method, reason: err.code, ...(err.context.reason ? { detail: err.context.reason } : {}) },
        });
        return reply.redirect(signInErrorUrl(err.code), 302);
      }
    },
  );
};
