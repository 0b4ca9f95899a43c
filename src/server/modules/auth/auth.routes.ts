import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  loginBodySchema,
  loginResponseSchema,
  meSchema,
  okSchema,
  passwordChangeSchema,
  passwordResetConfirmSchema,
  passwordResetRequestSchema,
  profileUpdateSchema,
  sessionInfoSchema,
} from '../../../shared/api/auth';
import { errorBodySchema } from '../../../shared/errors';
import { AppError } from '../../platform/errors';
import { auditFrom, writeAudit } from '../../platform/audit';
import { clearSessionCookie, requestContext, requireActor } from '../../platform/http/auth.plugin';
import { verifyLogin } from '../../platform/auth/login.service';
import {
  actorForAccount,
  endOtherSessions,
  endSession,
  endSessionByPublicId,
  listActiveSessions,
} from '../../platform/auth/sessions.service';
import { completePasswordReset, createPasswordReset } from '../../platform/auth/password-reset.service';
import { findAccountById } from '../../platform/auth/accounts.repository';
import { hashPassword, verifyPassword } from '../../platform/auth/crypto';
import { describeActor } from './me';
import { startSession } from './start-session';
import { sendPasswordResetEmail } from './reset-email';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 423: errorBodySchema, 429: errorBodySchema };

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app;

  app.post(
    '/api/auth/login',
    {
      config: { permission: 'public', rateLimit: { max: config.loginRatePerMinute, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email and password',
        body: loginBodySchema,
        response: { 200: loginResponseSchema, ...errors },
      },
    },
    async (req, reply) => {
      const account = await verifyLogin({
        db,
        email: req.body.email,
        password: req.body.password,
        ip: req.ip,
        userAgent: req.headers['user-agent'],
        requestId: req.id,
        maxFailures: config.loginMaxFailures,
        lockoutMinutes: config.loginLockoutMinutes,
      });
      const actor = await startSession(app, req, reply, account, 'password');
      return { me: await describeActor(db, actor) };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { permission: 'authenticated' },
      schema: { tags: ['auth'], summary: 'Sign out: ends the session on the server', response: { 200: okSchema, ...errors } },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      if (actor.sessionId) await endSession(db, actor.sessionId);
      clearSessionCookie(reply);
      await writeAudit(
        db,
        auditFrom(requestContext(req), { action: 'auth.logout', entityType: 'account', entityId: actor.accountId ?? undefined }),
      );
      return { ok: true as const };
    },
  );

  app.get(
    '/api/me',
    {
      config: { permission: 'authenticated' },
      schema: { tags: ['auth'], summary: 'The signed-in account with its roles and scopes', response: { 200: meSchema, ...errors } },
    },
    async (req) => describeActor(db, requireActor(req)),
  );

  app.patch(
    '/api/me',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: 'Update your language or display name',
        body: profileUpdateSchema,
        response: { 200: meSchema, ...errors },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      if (!actor.accountId) throw new AppError('forbidden', 'API tokens have no profile');
      await db.query(
        `UPDATE accounts SET language = coalesce($2, language), display_name = coalesce($3, display_name), updated_at = now() WHERE id = $1`,
        [actor.accountId, req.body.language ?? null, req.body.displayName ?? null],
      );
      await writeAudit(
        db,
        auditFrom(requestContext(req), {
          action: 'account.profile_updated',
          entityType: 'account',
          entityId: actor.accountId,
          details: req.body,
        }),
      );
      const account = (await findAccountById(db, actor.accountId))!;
      return describeActor(
        db,
        await actorForAccount(db, account, actor.sessionId ? { id: actor.sessionId, csrfToken: actor.csrfToken ?? '' } : null),
      );
    },
  );

  app.post(
    '/api/me/password',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: 'Change your password; your other sessions end',
        body: passwordChangeSchema,
        response: { 200: okSchema, ...errors },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      if (!actor.accountId) throw new AppError('forbidden', 'API tokens have no password');
      const account = (await findAccountById(db, actor.accountId))!;
      if (!account.password_hash || !(await verifyPassword(account.password_hash, req.body.currentPassword))) {
        throw new AppError('validation_failed', 'The current password is not right', { field: 'currentPassword' });
      }
      const hash = await hashPassword(req.body.newPassword);
      await db.transaction(async (tx) => {
        await tx.query('UPDATE accounts SET password_hash = $2, password_changed_at = now(), updated_at = now() WHERE id = $1', [
          actor.accountId,
          hash,
        ]);
        await endOtherSessions(tx, actor.accountId!, actor.sessionId);
        await writeAudit(
          tx,
          auditFrom(requestContext(req), { action: 'account.password_changed', entityType: 'account', entityId: actor.accountId! }),
        );
      });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/me/sessions',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: 'Your active sessions',
        response: { 200: z.object({ items: z.array(sessionInfoSchema) }), ...errors },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      if (!actor.accountId) return { items: [] };
      return { items: await listActiveSessions(db, actor.accountId, actor.sessionId) };
    },
  );

  app.delete(
    '/api/me/sessions/:id',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: 'End one of your sessions',
        params: z.object({ id: z.uuid() }),
        response: { 200: okSchema, 404: errorBodySchema, ...errors },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      if (!actor.accountId || !(await endSessionByPublicId(db, actor.accountId, req.params.id)))
        throw new AppError('not_found', 'Session not found');
      await writeAudit(
        db,
        auditFrom(requestContext(req), { action: 'auth.session_ended', entityType: 'session', entityId: req.params.id }),
      );
      return { ok: true as const };
    },
  );

  app.post(
    '/api/me/sessions/end-others',
    {
      config: { permission: 'authenticated' },
      schema: { tags: ['auth'], summary: 'Sign out everywhere else', response: { 200: z.object({ ended: z.number().int() }), ...errors } },
    },
    async (req) => {
      const actor = requireActor(req);
      if (!actor.accountId) return { ended: 0 };
      const ended = await endOtherSessions(db, actor.accountId, actor.sessionId);
      await writeAudit(
        db,
        auditFrom(requestContext(req), {
          action: 'auth.other_sessions_ended',
          entityType: 'account',
          entityId: actor.accountId,
          details: { ended },
        }),
      );
      return { ended };
    },
  );

  app.post(
    '/api/auth/password-reset',
    {
      config: { permission: 'public', rateLimit: { max: 5, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Ask for a password reset link by email (the answer is the same whether or not the account exists)',
        body: passwordResetRequestSchema,
        response: { 202: z.object({ ok: z.literal(true), emailConfigured: z.boolean() }), ...errors },
      },
    },
    async (req, reply) => {
      const reset = await createPasswordReset(db, req.body.email);
      if (reset) await sendPasswordResetEmail(app, req, reset);
      return reply.status(202).send({ ok: true as const, emailConfigured: app.mailer.configured });
    },
  );

  app.post(
    '/api/auth/password-reset/confirm',
    {
      config: { permission: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Set a new password with a reset token',
        body: passwordResetConfirmSchema,
        response: { 200: okSchema, ...errors },
      },
    },
    async (req) => {
      await completePasswordReset(db, { token: req.body.token, password: req.body.password, ip: req.ip, requestId: req.id });
      return { ok: true as const };
    },
  );
};
