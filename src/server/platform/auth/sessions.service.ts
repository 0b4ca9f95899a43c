import type { Queryable } from '../../db/client';
import type { Actor } from '../actor';
import { findAccountById, listRoleGrants, type AccountRow } from './accounts.repository';
import { randomSecret, sha256 } from './crypto';

export interface NewSession {
  /** The stored id (the cookie value's hash). */
  id: string;
  cookieValue: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function createSession(
  db: Queryable,
  opts: { account: AccountRow; ttlHours: number; method: string; ip: string; userAgent: string | undefined },
): Promise<NewSession> {
  const cookieValue = randomSecret();
  const csrfToken = randomSecret();
  const expiresAt = new Date(Date.now() + opts.ttlHours * 3_600_000);
  await db.query(
    `INSERT INTO sessions (id, district_id, account_id, csrf_token, auth_method, ip, user_agent, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      sha256(cookieValue),
      opts.account.district_id,
      opts.account.id,
      csrfToken,
      opts.method,
      opts.ip,
      opts.userAgent?.slice(0, 500) ?? null,
      expiresAt,
    ],
  );
  return { id: sha256(cookieValue), cookieValue, csrfToken, expiresAt };
}

export async function actorForAccount(
  db: Queryable,
  account: AccountRow,
  session: { id: string; csrfToken: string } | null,
): Promise<Actor> {
  const grants = await listRoleGrants(db, account.id);
  return {
    kind: 'session',
    districtId: account.district_id,
    accountId: account.id,
    tokenId: null,
    sessionId: session?.id ?? null,
    csrfToken: session?.csrfToken ?? null,
    personId: account.person_id,
    label: account.email,
    displayName: account.display_name,
    language: account.language,
    roles: [...new Set(grants.map((g) => g.role))],
    schoolIds: [...new Set(grants.filter((g) => g.schoolId).map((g) => g.schoolId!))],
  };
}

/** Resolves a session cookie to its actor, or undefined when the session is unknown, ended or expired. */
export async function actorForSessionCookie(db: Queryable, cookieValue: string): Promise<Actor | undefined> {
  const id = sha256(cookieValue);
  const { rows } = await db.query<{ account_id: string; csrf_token: string; last_seen_at: Date }>(
    `SELECT account_id, csrf_token, last_seen_at FROM sessions
      WHERE id = $1 AND ended_at IS NULL AND expires_at > now()`,
    [id],
  );
  const s = rows[0];
  if (!s) return undefined;
  const account = await findAccountById(db, s.account_id);
  if (!account || account.status !== 'active') return undefined;
  // Touch at most once a minute: a busy page should not write on every request.
  if (Date.now() - s.last_seen_at.getTime() > 60_000) {
    await db.query('UPDATE sessions SET last_seen_at = now() WHERE id = $1', [id]);
  }
  return actorForAccount(db, account, { id, csrfToken: s.csrf_token });
}

export async function endSession(db: Queryable, sessionId: string): Promise<void> {
  await db.query('UPDATE sessions SET ended_at = now() WHERE id = $1 AND ended_at IS NULL', [sessionId]);
}

export async function endOtherSessions(db: Queryable, accountId: string, keepSessionId: string | null): Promise<number> {
  const r = await db.query('UPDATE sessions SET ended_at = now() WHERE account_id = $1 AND ended_at IS NULL AND id IS DISTINCT FROM $2', [
    accountId,
    keepSessionId,
  ]);
  return r.rowCount;
}

export interface SessionInfo {
  id: string;
  current: boolean;
  authMethod: string;
  ip: string | null;
  userAgent: string | null;
  createdAt: string;
  lastSeenAt: string;
}

export async function listActiveSessions(db: Queryable, accountId: string, currentSessionId: string | null): Promise<SessionInfo[]> {
  const { rows } = await db.query<{
    id: string;
    public_id: string;
    auth_method: string;
    ip: string | null;
    user_agent: string | null;
    created_at: Date;
    last_seen_at: Date;
  }>(
    `SELECT id, public_id, auth_method, ip, user_agent, created_at, last_seen_at FROM sessions
      WHERE account_id = $1 AND ended_at IS NULL AND expires_at > now() ORDER BY last_seen_at DESC`,
    [accountId],
  );
  return rows.map((r) => ({
    id: r.public_id,
    current: r.id === currentSessionId,
    authMethod: r.auth_method,
    ip: r.ip,
    userAgent: r.user_agent,
    createdAt: r.created_at.toISOString(),
    lastSeenAt: r.last_seen_at.toISOString(),
  }));
}

export async function endSessionByPublicId(db: Queryable, accountId: string, publicId: string): Promise<boolean> {
  const r = await db.query('UPDATE sessions SET ended_at = now() WHERE account_id = $1 AND public_id = $2 AND ended_at IS NULL', [
    accountId,
    publicId,
  ]);
  return r.rowCount > 0;
}
