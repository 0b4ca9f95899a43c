import type { Queryable } from '../../db/client';
import type { Language, Role } from '../../../shared/roles';

export interface AccountRow {
  id: string;
  district_id: string;
  person_id: string | null;
  email: string;
  display_name: string;
  password_hash: string | null;
  language: Language;
  status: 'active' | 'disabled';
  failed_logins: number;
  locked_until: Date | null;
  last_login_at: Date | null;
}

export interface RoleGrant {
  role: Role;
  schoolId: string | null;
}

export async function findAccountByEmail(db: Queryable, email: string): Promise<AccountRow | undefined> {
  const { rows } = await db.query<AccountRow>('SELECT * FROM accounts WHERE lower(email) = lower($1)', [email.trim()]);
  return rows[0];
}

export async function findAccountById(db: Queryable, id: string): Promise<AccountRow | undefined> {
  const { rows } = await db.query<AccountRow>('SELECT * FROM accounts WHERE id = $1', [id]);
  return rows[0];
}

export async function listRoleGrants(db: Queryable, accountId: string): Promise<RoleGrant[]> {
  const { rows } = await db.query<{ role: Role; school_id: string | null }>(
    'SELECT role, school_id FROM account_roles WHERE account_id = $1 ORDER BY role',
    [accountId],
  );
  return rows.map((r) => ({ role: r.role, schoolId: r.school_id }));
}
