import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../platform/actor';
import { auditFrom, writeAudit } from '../../platform/audit';
import type { AccountRow } from '../../platform/auth/accounts.repository';
import { actorForAccount, createSession, endSession } from '../../platform/auth/sessions.service';
import { requestContext, setSessionCookie } from '../../platform/http/auth.plugin';

/** Signs an account in on this browser, whatever proved who they are (password or OIDC). */
export async function startSession(
  app: FastifyInstance,
  req: FastifyRequest,
  reply: FastifyReply,
  account: AccountRow,
  method: string,
): Promise<Actor> {
  const { db, config } = app;
  // A new sign-in replaces whatever session this browser had (no session fixation).
  if (req.actor?.sessionId) await endSession(db, req.actor.sessionId);
  const session = await createSession(db, {
    account,
    ttlHours: config.sessionTtlHours,
    method,
    ip: req.ip,
    userAgent: req.headers['user-agent'],
  });
  setSessionCookie(req, reply, session.cookieValue, session.expiresAt, config.publicUrl);
  const actor = await actorForAccount(db, account, { id: session.id, csrfToken: session.csrfToken });
  await writeAudit(
    db,
    auditFrom(
      { ...requestContext(req), actor },
      { action: 'auth.login', entityType: 'account', entityId: account.id, details: { method } },
    ),
  );
  return actor;
}
