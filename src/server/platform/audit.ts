import type { Queryable } from '../db/client';
import type { Actor } from './actor';

export interface AuditEntry {
  districtId: string | null;
  actor: Actor | null;
  /** Used when there is no actor yet: a failed sign-in names the email tried. */
  actorLabel?: string;
  action: string;
  entityType?: string;
  entityId?: string;
  ip?: string | undefined;
  userAgent?: string | undefined;
  requestId?: string | undefined;
  details?: Record<string, unknown>;
}

/** Appends one entry. Call it inside the transaction of the write it records, so both land or neither. */
export async function writeAudit(db: Queryable, e: AuditEntry): Promise<void> {
  await db.query(
    `INSERT INTO audit_log (district_id, actor_account_id, actor_token_id, actor_label, action, entity_type, entity_id,
                            ip, user_agent, request_id, details)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      e.districtId,
      e.actor?.accountId ?? null,
      e.actor?.tokenId ?? null,
      e.actor?.label ?? e.actorLabel ?? 'system',
      e.action,
      e.entityType ?? null,
      e.entityId ?? null,
      e.ip ?? null,
      e.userAgent?.slice(0, 500) ?? null,
      e.requestId ?? null,
      JSON.stringify(e.details ?? {}),
    ],
  );
}

/** The request facts every audit entry carries. */
export interface RequestContext {
  actor: Actor | null;
  ip: string;
  userAgent: string | undefined;
  requestId: string;
}

export function auditFrom(
  ctx: RequestContext,
  e: Omit<AuditEntry, 'actor' | 'ip' | 'userAgent' | 'requestId' | 'districtId'> & { districtId?: string | null },
): AuditEntry {
  return {
    districtId: e.districtId ?? ctx.actor?.districtId ?? null,
    actor: ctx.actor,
    ip: ctx.ip,
    userAgent: ctx.userAgent,
    requestId: ctx.requestId,
    ...e,
  };
}
