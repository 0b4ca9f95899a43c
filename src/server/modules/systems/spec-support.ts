import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../../db/client';
import { writeAudit, type RequestContext } from '../../platform/audit';
import type { CheckSpec } from '../../../shared/api/systems';

/** A problem with one system of a batch, located by the system's index and the field's path within it. */
export class SpecError extends Error {
  constructor(
    readonly index: number,
    readonly path: (string | number)[],
    message: string,
  ) {
    super(message);
  }
}

/** JSON with sorted keys and no undefined values: two specs are the same when these strings are. */
export function canonical(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v && typeof v === 'object') {
      return Object.fromEntries(
        Object.entries(v)
          .filter(([, x]) => x !== undefined)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([k, x]) => [k, sort(x)]),
      );
    }
    return v;
  };
  return JSON.stringify(sort(value));
}

/** Each check's key within its system: its name, or its type numbered when a type repeats (http, http-2). */
export function checkKeys(checks: readonly CheckSpec[]): string[] {
  const seen = new Map<string, number>();
  return checks.map((c) => {
    if (c.name) return c.name;
    const n = (seen.get(c.type) ?? 0) + 1;
    seen.set(c.type, n);
    return n === 1 ? c.type : `${c.type}-${n}`;
  });
}

/** Heartbeat URLs carry a random secret; only its hash is stored, like session ids. */
export function newHeartbeatToken(): { token: string; hash: string } {
  const token = randomBytes(24).toString('base64url');
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Who made a change: a request (its actor, address and id) or a command-line run. */
export type Author = { ctx: RequestContext } | { label: string };

export async function auditChange(
  tx: Queryable,
  districtId: string,
  author: Author,
  e: { action: string; entityType: string; entityId: string; details?: Record<string, unknown> },
): Promise<void> {
  if ('ctx' in author) {
    const { ctx } = author;
    await writeAudit(tx, { districtId, actor: ctx.actor, ip: ctx.ip, userAgent: ctx.userAgent, requestId: ctx.requestId, ...e });
  } else {
    await writeAudit(tx, { districtId, actor: null, actorLabel: author.label, ...e });
  }
}

export function authorLabel(author: Author): string {
  return 'ctx' in author ? (author.ctx.actor?.label ?? 'system') : author.label;
}
