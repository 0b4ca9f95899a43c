import type { Db, Queryable } from '../../db/client';
import type { Language, Role } from '../../../shared/roles';
import { schoolScopedRoles } from '../../../shared/roles';
import type { Account } from '../../../shared/api/admin';
import { AppError } from '../errors';
import { hashPassword } from './crypto';
import type { RoleGrant } from './accounts.repository';

export interface CreateAccountOptions {
  districtId: string;
  email: string;
  displayName: string;
  roles: RoleGrant[];
  personId?: string | null | undefined;
  password?: string | undefined;
  language?: Language;
}

/** Checks role grants: principals name a school of the district; other roles name none. */
async function validateGrants(db: Queryable, districtId: string, grants: RoleGrant[]) {
  for (const [i, g] of grants.entries()) {
    const scoped = schoolScopedRoles.includes(g.role);
    if (scoped && !g.schoolId)
      throw new AppError('validation_failed', `A ${g.role} must be given a school`, { field: `roles.${i}.schoolId` });
    if (!scoped && g.schoolId)
      throw new AppError('validation_failed', `The ${g.role} role is not limited to a school`, { field: `roles.${i}.schoolId` });
    if (g.schoolId) {
      const { rows } = await db.query('SELECT 1 FROM schools WHERE id = $1 AND district_id = $2', [g.schoolId, districtId]);
      if (rows.length === 0) throw new AppError('validation_failed', 'No such school in this district', { field: `roles.${i}.schoolId` });
    }
  }
}

async function validatePerson(db: Queryable, districtId: string, personId: string | null | undefined, grants: RoleGrant[]) {
  const needsPerson = grants.find((g) => g.role === 'teacher' || g.role === 'student' || g.role === 'guardian');
  if (needsPerson && !personId) {
    throw new AppError('validation_failed', `A ${needsPerson.role} account must be linked to their roster record`, { field: 'personId' });
  }
  if (personId) {
    const { rows } = await db.query('SELECT 1 FROM people WHERE id = $1 AND district_id = $2', [personId, districtId]);
    if (rows.length === 0) throw new AppError('validation_failed', 'No such person in this district', { field: 'personId' });
  }
}

export async function createAccount(db: Db, o: CreateAccountOptions, tx?: Queryable): Promise<string> {
  const run = async (q: Queryable) => {
    await validateGrants(q, o.districtId, o.roles);
    await validatePerson(q, o.districtId, o.personId, o.roles);
    const existing = await q.query('SELECT 1 FROM accounts WHERE lower(email) = lower($1)', [o.email]);
    if (existing.rows.length > 0) throw new AppError('conflict', 'An account with this email already exists', { field: 'email' });
    const hash = o.password ? await hashPassword(o.password) : null;
    const { rows } = await q.query<{ id: string }>(
      `INSERT INTO accounts (district_id, person_id, email, display_name, password_hash, language, password_changed_at)
       VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $5::text IS NULL THEN NULL ELSE now() END) RETURNING id`,
      [o.districtId, o.personId ?? null, o.email.trim(), o.displayName, hash, o.language ?? 'en'],
    );
    const id = rows[0]!.id;
    await setGrants(q, o.districtId, id, o.roles);
    return id;
  };
  return tx ? run(tx) : db.transaction(run);
}

export async function setGrants(q: Queryable, districtId: string, accountId: string, grants: RoleGrant[]) {
  await q.query('DELETE FROM account_roles WHERE account_id = $1', [accountId]);
  const unique = new Map(grants.map((g) => [`${g.role}:${g.schoolId ?? ''}`, g]));
  for (const g of unique.values()) {
    await q.query('INSERT INTO account_roles (district_id, account_id, role, school_id) VALUES ($1, $2, $3, $4)', [
      districtId,
      accountId,
      g.role,
      g.schoolId,
    ]);
  }
}

export async function updateAccount(
  db: Db,
  districtId: string,
  id: string,
  patch: {
    displayName?: string | undefined;
    roles?: RoleGrant[] | undefined;
    status?: 'active' | 'disabled' | undefined;
    unlock?: boolean | undefined;
  },
  tx: Queryable,
) {
  const { rows } = await tx.query<{ person_id: string | null }>('SELECT person_id FROM accounts WHERE id = $1 AND district_id = $2', [
    id,
    districtId,
  ]);
  if (!rows[0]) throw new AppError('not_found', 'Account not found');
  if (patch.roles) {
    await validateGrants(tx, districtId, patch.roles);
    await validatePerson(tx, districtId, rows[0].person_id, patch.roles);
    await setGrants(tx, districtId, id, patch.roles);
  }
  await tx.query(
    `UPDATE accounts SET display_name = coalesce($2, display_name), status = coalesce($3, status),
            failed_logins = CASE WHEN $4 THEN 0 ELSE failed_logins END,
            locked_until = CASE WHEN $4 THEN NULL ELSE locked_until END, updated_at = now()
      WHERE id = $1`,
    [id, patch.displayName ?? null, patch.status ?? null, patch.unlock ?? false],
  );
  if (patch.status === 'disabled') await tx.query('UPDATE sessions SET ended_at = now() WHERE account_id = $1 AND ended_at IS NULL', [id]);
}

interface AccountListRow {
  id: string;
  email: string;
  display_name: string;
  person_id: string | null;
  language: Language;
  status: 'active' | 'disabled';
  last_login_at: Date | null;
  locked_until: Date | null;
  created_at: Date;
  roles: { role: Role; schoolId: string | null }[] | null;
}

export async function listAccounts(
  db: Queryable,
  districtId: string,
  q: { q?: string | undefined; role?: Role | undefined; page: number; pageSize: number; id?: string },
): Promise<{ items: Account[]; total: number }> {
  const params: unknown[] = [districtId];
  const where = ['a.district_id = $1'];
  if (q.id) {
    params.push(q.id);
    where.push(`a.id = $${params.length}`);
  }
  if (q.q) {
    params.push(`%${q.q.toLowerCase()}%`);
    where.push(`(lower(a.email) LIKE $${params.length} OR lower(a.display_name) LIKE $${params.length})`);
  }
  if (q.role) {
    params.push(q.role);
    where.push(`EXISTS (SELECT 1 FROM account_roles r WHERE r.account_id = a.id AND r.role = $${params.length})`);
  }
  const w = where.join(' AND ');
  const total = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM accounts a WHERE ${w}`, params)).rows[0]!.n;
  const { rows } = await db.query<AccountListRow>(
    `SELECT a.id, a.email, a.display_name, a.person_id, a.language, a.status, a.last_login_at, a.locked_until, a.created_at,
            (SELECT json_agg(json_build_object('role', r.role, 'schoolId', r.school_id) ORDER BY r.role) FROM account_roles r WHERE r.account_id = a.id) AS roles
       FROM accounts a WHERE ${w} ORDER BY lower(a.display_name), a.id LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
    params,
  );
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      email: r.email,
      displayName: r.display_name,
      personId: r.person_id,
      language: r.language,
      status: r.status,
      roles: r.roles ?? [],
      lastLoginAt: r.last_login_at?.toISOString() ?? null,
      lockedUntil: r.locked_until && r.locked_until > new Date() ? r.locked_until.toISOString() : null,
      createdAt: r.created_at.toISOString(),
    })),
  };
}
