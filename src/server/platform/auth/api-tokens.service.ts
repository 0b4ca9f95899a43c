import type { Db, Queryable } from '../../db/client';
import type { Role } from '../../../shared/roles';
import type { Actor } from '../actor';
import { AppError } from '../errors';
import { randomSecret, sha256 } from './crypto';

const TOKEN_PREFIX = 'dops_';

export interface ApiTokenInfo {
  id: string;
  name: string;
  prefix: string;
  role: Role;
  schoolIds: string[];
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  lastUsedIp: string | null;
  revokedAt: string | null;
}

interface TokenRow {
  id: string;
  district_id: string;
  name: string;
  prefix: string;
  role: Role;
  school_ids: string[];
  created_at: Date;
  expires_at: Date | null;
  last_used_at: Date | null;
  last_used_ip: string | null;
  revoked_at: Date | null;
}

function toInfo(r: TokenRow): ApiTokenInfo {
  return {
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    role: r.role,
    schoolIds: r.school_ids,
    createdAt: r.created_at.toISOString(),
    expiresAt: r.expires_at?.toISOString() ?? null,
    lastUsedAt: r.last_used_at?.toISOString() ?? null,
    lastUsedIp: r.last_used_ip,
    revokedAt: r.revoked_at?.toISOString() ?? null,
  };
}

export interface CreateTokenOptions {
  districtId: string;
  name: string;
  role: Role;
  schoolIds: string[];
  createdBy: string | null;
  expiresAt?: Date | null;
}

/** Creates a token and returns its secret, which is shown this once and stored only as a hash. */
export async function createApiToken(db: Queryable, o: CreateTokenOptions): Promise<{ token: string; info: ApiTokenInfo }> {
  if (o.role === 'principal' && o.schoolIds.length === 0) {
    throw new AppError('validation_failed', 'A principal token must name at least one school', { field: 'schoolIds' });
  }
  if (o.schoolIds.length > 0) {
    const { rows } = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM schools WHERE district_id = $1 AND id = ANY($2::uuid[])',
      [o.districtId, o.schoolIds],
    );
    if (rows[0]!.n !== new Set(o.schoolIds).size) {
      throw new AppError('validation_failed', 'One or more schools do not exist in this district', { field: 'schoolIds' });
    }
  }
  const token = TOKEN_PREFIX + randomSecret();
  const { rows } = await db.query<TokenRow>(
    `INSERT INTO api_tokens (district_id, name, token_hash, prefix, role, school_ids, created_by, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6::uuid[], $7, $8) RETURNING *`,
    [o.districtId, o.name, sha256(token), token.slice(0, TOKEN_PREFIX.length + 6), o.role, o.schoolIds, o.createdBy, o.expiresAt ?? null],
  );
  return { token, info: toInfo(rows[0]!) };
}

export async function listApiTokens(db: Queryable, districtId: string): Promise<ApiTokenInfo[]> {
  const { rows } = await db.query<TokenRow>('SELECT * FROM api_tokens WHERE district_id = $1 ORDER BY created_at DESC', [districtId]);
  return rows.map(toInfo);
}

export async function revokeApiToken(db: Queryable, districtId: string, id: string): Promise<ApiTokenInfo> {
  const { rows } = await db.query<TokenRow>(
    `UPDATE api_tokens SET revoked_at = coalesce(revoked_at, now()) WHERE district_id = $1 AND id = $2 RETURNING *`,
    [districtId, id],
  );
  if (!rows[0]) throw new AppError('not_found', 'Token not found');
  return toInfo(rows[0]);
}

/** Resolves a bearer token to its actor and records its use; undefined when unknown, revoked or expired. */
export async function actorForApiToken(db: Db, token: string, ip: string): Promise<Actor | undefined> {
  if (!token.startsWith(TOKEN_PREFIX)) return undefined;
  const { rows } = await db.query<TokenRow>(
    `UPDATE api_tokens SET last_used_at = now(), last_used_ip = $2
      WHERE token_hash = $1 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())
      RETURNING *`,
    [sha256(token), ip],
  );
  const t = rows[0];
  if (!t) return undefined;
  return {
    kind: 'token',
    districtId: t.district_id,
    accountId: null,
    tokenId: t.id,
    sessionId: null,
    csrfToken: null,
    personId: null,
    label: `token:${t.name}`,
    displayName: t.name,
    language: 'en',
    roles: [t.role],
    schoolIds: t.school_ids,
  };
}
