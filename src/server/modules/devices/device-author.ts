import type { Queryable } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { auditFrom, writeAudit, type AuditEntry, type RequestContext } from '../../platform/audit';

/** Who makes a change to devices: a signed-in account or token through the API, or the CLI. */
export interface DeviceAuthor {
  districtId: string;
  accountId: string | null;
  label: string;
  ctx: RequestContext;
}

export function authorFromRequest(ctx: RequestContext & { actor: Actor }): DeviceAuthor {
  return { districtId: ctx.actor.districtId, accountId: ctx.actor.accountId, label: ctx.actor.label, ctx };
}

export function cliAuthor(districtId: string, label: string): DeviceAuthor {
  return { districtId, accountId: null, label, ctx: { actor: null, ip: 'cli', userAgent: undefined, requestId: '' } };
}

/** Writes an audit entry for a device change; call it inside the change's transaction. */
export async function auditDevices(
  db: Queryable,
  author: DeviceAuthor,
  e: Pick<AuditEntry, 'action' | 'entityType' | 'entityId' | 'details'>,
): Promise<void> {
  await writeAudit(db, auditFrom(author.ctx, { ...e, districtId: author.districtId, actorLabel: author.label }));
}
