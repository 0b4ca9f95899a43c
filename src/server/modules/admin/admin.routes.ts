import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  accountCreateSchema,
  accountSchema,
  accountsQuerySchema,
  accountUpdateSchema,
  apiTokenCreateSchema,
  apiTokenSchema,
  auditEntrySchema,
  auditQuerySchema,
} from '../../../shared/api/admin';
import { errorBodySchema } from '../../../shared/errors';
import { AppError } from '../../platform/errors';
import { auditFrom, writeAudit } from '../../platform/audit';
import { requestContext, requireActor } from '../../platform/http/auth.plugin';
import { createAccount, listAccounts, updateAccount } from '../../platform/auth/accounts.service';
import { createApiToken, listApiTokens, revokeApiToken } from '../../platform/auth/api-tokens.service';
import { createPasswordReset } from '../../platform/auth/password-reset.service';
import { resetLink } from '../auth/reset-email';
import { queryAudit } from './audit.repository';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };
const idParams = z.object({ id: z.uuid() });

export const adminRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  app.get(
    '/api/admin/accounts',
    {
      config: { permission: 'accounts.manage' },
      schema: {
        tags: ['admin'],
        summary: 'Sign-in accounts and their roles',
        querystring: accountsQuerySchema,
        response: { 200: z.object({ items: z.array(accountSchema), total: z.number().int() }), ...errors },
      },
    },
    async (req) => listAccounts(db, requireActor(req).districtId, req.query),
  );

  app.post(
    '/api/admin/accounts',
    {
      config: { permission: 'accounts.manage' },
      schema: {
        tags: ['admin'],
        summary: 'Create an account; the answer carries a one-time link to set its password',
        body: accountCreateSchema,
        response: { 201: z.object({ account: accountSchema, setupUrl: z.string(), emailed: z.boolean() }), ...errors },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const id = await db.transaction(async (tx) => {
        const newId = await createAccount(db, { districtId: actor.districtId, ...req.body }, tx);
        await writeAudit(
          tx,
          auditFrom(requestContext(req), {
            action: 'account.created',
            entityType: 'account',
            entityId: newId,
            details: { email: req.body.email, roles: req.body.roles },
          }),
        );
        return newId;
      });
      const reset = (await createPasswordReset(db, req.body.email))!;
      const base = app.config.publicUrl ?? `${req.protocol}://${req.headers.host}`;
      const setupUrl = resetLink(base, reset.token);
      const emailed = await app.mailer
        .send({
          to: reset.email,
          subject: 'Your DistrictOps account / Su cuenta de DistrictOps',
          text: `An account was created for you in DistrictOps. Set your password within an hour:\n\n${setupUrl}\n\n---\n\nSe creó una cuenta para usted en DistrictOps. Establezca su contraseña dentro de una hora:\n\n${setupUrl}\n`,
        })
        .catch((err: unknown) => {
          req.log.error({ err }, 'account invitation email failed');
          return false;
        });
      const account = (await listAccounts(db, actor.districtId, { id, page: 1, pageSize: 1 })).items[0]!;
      return reply.status(201).send({ account, setupUrl, emailed });
    },
  );

  app.patch(
    '/api/admin/accounts/:id',
    {
      config: { permission: 'accounts.manage' },
      schema: {
        tags: ['admin'],
        summary: 'Change roles, name or status; unlock after failed sign-ins',
        params: idParams,
        body: accountUpdateSchema,
        response: { 200: accountSchema, ...errors },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      if (
        req.params.id === actor.accountId &&
        (req.body.status === 'disabled' || (req.body.roles && !req.body.roles.some((r) => r.role === 'district_admin')))
      ) {
        throw new AppError('validation_failed', 'You cannot disable yourself or remove your own administrator role', {
          field: req.body.roles ? 'roles' : 'status',
        });
      }
      await db.transaction(async (tx) => {
        await updateAccount(db, actor.districtId, req.params.id, req.body, tx);
        await writeAudit(
          tx,
          auditFrom(requestContext(req), { action: 'account.updated', entityType: 'account', entityId: req.params.id, details: req.body }),
        );
      });
      return (await listAccounts(db, actor.districtId, { id: req.params.id, page: 1, pageSize: 1 })).items[0]!;
    },
  );

  app.get(
    '/api/admin/tokens',
    {
      config: { permission: 'tokens.manage' },
      schema: {
        tags: ['admin'],
        summary: 'API tokens for integrations',
        response: { 200: z.object({ items: z.array(apiTokenSchema) }), ...errors },
      },
    },
    async (req) => ({ items: await listApiTokens(db, requireActor(req).districtId) }),
  );

  app.post(
    '/api/admin/tokens',
    {
      config: { permission: 'tokens.manage' },
      schema: {
        tags: ['admin'],
        summary: 'Create an API token; its secret is in this answer only',
        body: apiTokenCreateSchema,
        response: { 201: z.object({ token: z.string(), info: apiTokenSchema }), ...errors },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const created = await db.transaction(async (tx) => {
        const c = await createApiToken(tx, {
          districtId: actor.districtId,
          name: req.body.name,
          role: req.body.role,
          schoolIds: req.body.schoolIds,
          createdBy: actor.accountId,
          expiresAt: req.body.expiresAt ? new Date(req.body.expiresAt) : null,
        });
        await writeAudit(
          tx,
          auditFrom(requestContext(req), {
            action: 'token.created',
            entityType: 'api_token',
            entityId: c.info.id,
            details: { name: c.info.name, role: c.info.role, schoolIds: c.info.schoolIds },
          }),
        );
        return c;
      });
      return reply.status(201).send(created);
    },
  );

  app.delete(
    '/api/admin/tokens/:id',
    {
      config: { permission: 'tokens.manage' },
      schema: { tags: ['admin'], summary: 'Revoke an API token', params: idParams, response: { 200: apiTokenSchema, ...errors } },
    },
    async (req) => {
      const actor = requireActor(req);
      return db.transaction(async (tx) => {
        const info = await revokeApiToken(tx, actor.districtId, req.params.id);
        await writeAudit(
          tx,
          auditFrom(requestContext(req), {
            action: 'token.revoked',
            entityType: 'api_token',
            entityId: info.id,
            details: { name: info.name },
          }),
        );
        return info;
      });
    },
  );

  app.get(
    '/api/admin/audit',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags: ['admin'],
        summary: 'The audit log (read-only), newest first',
        querystring: auditQuerySchema,
        response: { 200: z.object({ items: z.array(auditEntrySchema), total: z.number().int() }), ...errors },
      },
    },
    async (req) => queryAudit(db, requireActor(req).districtId, req.query),
  );
};
