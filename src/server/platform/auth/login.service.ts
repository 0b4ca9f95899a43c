import type { Db } from '../../db/client';
import { AppError } from '../errors';
import { writeAudit } from '../audit';
import { findAccountByEmail, type AccountRow } from './accounts.repository';
import { decoyPasswordHash, verifyPassword } from './crypto';

export interface LoginOptions {
  db: Db;
  email: string;
  password: string;
  ip: string;
  userAgent: string | undefined;
  requestId: string;
  maxFailures: number;
  lockoutMinutes: number;
}

/**
 * Checks an email and password. After maxFailures wrong passwords in a row the account is
 * locked for lockoutMinutes; the lock holds even for the right password, and the same
 * message is given for an unknown email and a wrong password.
 */
export async function verifyLogin(o: LoginOptions): Promise<AccountRow> {
  const account = await findAccountByEmail(o.db, o.email);
  const audit = (action: string, details: Record<string, unknown> = {}) =>
    writeAudit(o.db, {
      districtId: account?.district_id ?? null,
      actor: null,
      actorLabel: o.email.slice(0, 254),
      action,
      entityType: account ? 'account' : undefined,
      entityId: account?.id,
      ip: o.ip,
      userAgent: o.userAgent,
      requestId: o.requestId,
      details,
    });

  if (!account || !account.password_hash || account.status !== 'active') {
    await verifyPassword(await decoyPasswordHash(), o.password);
    await audit('auth.login_failed', { reason: account ? 'no_password_or_disabled' : 'unknown_email' });
    throw new AppError('invalid_credentials', 'The email or password is not right');
  }
  if (account.locked_until && account.locked_until > new Date()) {
    await audit('auth.login_locked');
    throw lockedError(account.locked_until);
  }
  const ok = await verifyPassword(account.password_hash, o.password);
  if (!ok) {
    const { rows } = await o.db.query<{ failed_logins: number; locked_until: Date | null }>(
      `UPDATE accounts SET
         failed_logins = failed_logins + 1,
         locked_until = CASE WHEN failed_logins + 1 >= $2 THEN now() + make_interval(mins => $3) ELSE locked_until END
       WHERE id = $1 RETURNING failed_logins, locked_until`,
      [account.id, o.maxFailures, o.lockoutMinutes],
    );
    const after = rows[0]!;
    const locked = after.locked_until && after.locked_until > new Date();
    await audit(locked ? 'auth.account_locked' : 'auth.login_failed', { reason: 'wrong_password', failures: after.failed_logins });
    if (locked) throw lockedError(after.locked_until!);
    throw new AppError('invalid_credentials', 'The email or password is not right');
  }
  await o.db.query('UPDATE accounts SET failed_logins = 0, locked_until = NULL, last_login_at = now() WHERE id = $1', [account.id]);
  return account;
}

function lockedError(until: Date) {
  const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
  return new AppError(
    'account_locked',
    `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? '' : 's'} or reset your password.`,
    {
      details: { lockedUntil: until.toISOString() },
      headers: { 'retry-after': String(minutes * 60) },
    },
  );
}
