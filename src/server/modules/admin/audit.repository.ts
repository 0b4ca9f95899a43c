import type { Queryable } from '../../db/client';
import { Params } from '../../platform/sql';

interface AuditFilter {
  actor?: string | undefined;
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page: number;
  pageSize: number;
}

interface AuditRow {
  id: number;
  at: Date;
  actor_account_id: string | null;
  actor_token_id: string | null;
  actor_label: string;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  ip: string | null;
  request_id: string | null;
  details: Record<string, unknown>;
}

/** `to` given as a date includes that whole day. */
function endBound(to: string) {
  return /^\d{4}-\d{2}-\d{2}$/.test(to) ? new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000).toISOString() : to;
}

export async function queryAudit(db: Queryable, districtId: string, f: AuditFilter) {
  const params = new Params([districtId]);
  const where = ['district_id = $1'];
  if (f.actor) where.push(`lower(actor_label) LIKE ${params.add(`%${f.actor.toLowerCase()}%`)}`);
  if (f.action) where.push(`action LIKE ${params.add(`${f.action}%`)}`);
  if (f.entityType) where.push(`entity_type = ${params.add(f.entityType)}`);
  if (f.entityId) where.push(`entity_id = ${params.add(f.entityId)}`);
  if (f.from) where.push(`at >= ${params.add(f.from)}::timestamptz`);
  if (f.to) where.push(`at < ${params.add(endBound(f.to))}::timestamptz`);
  const w = where.join(' AND ');
  const total = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE ${w}`, params.values)).rows[0]!.n;
  const { rows } = await db.query<AuditRow>(
    `SELECT * FROM audit_log WHERE ${w} ORDER BY at DESC, id DESC LIMIT ${f.pageSize} OFFSET ${(f.page - 1) * f.pageSize}`,
    params.values,
  );
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actorAccountId: r.actor_account_id,
      actorTokenId: r.actor_token_id,
      actorLabel: r.actor_label,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      ip: r.ip,
      requestId: r.request_id,
      details: r.details,
    })),
  };
}
