import type { Db } from '../../db/client';
import { AppError } from '../errors';
import { writeAudit } from '../audit';
import { findAccountByEmail } from './accounts.repository';
import { hashPassword, randomSecret, sha256 } from './crypto';

const RESET_TTL_MINUTES = 60;

/** Creates a single-use reset token for the email, or returns undefined when no such account exists. */
export async function createPasswordReset(
  db: Db,
  email: string,
): Promise<{ token: string; accountId: string; districtId: string; email: string; expiresAt: Date } | undefined> {
  const account = await findAccountByEmail(db, email);
  if (!account || account.status !== 'active') return undefined;
  const token = randomSecret();
  const expiresAt = new Date(Date.now() + RESET_TTL_MINUTES * 60_000);
  await db.transaction(async (tx) => {
    // A new link replaces any earlier one.
    await tx.query('UPDATE password_resets SET used_at = now() WHERE account_id = $1 AND used_at IS NULL', [account.id]);
    await tx.query('INSERT INTO password_resets (token_hash, district_id, account_id, expires_at) VALUES ($1, $2, $3, $4)', [
      sha256(token),
      account.district_id,
      account.id,
      expiresAt,
    ]);
    await writeAudit(tx, {
      districtId: account.district_id,
      actor: null,
      actorLabel: account.email,
      action: 'auth.password_reset_requested',
      entityType: 'account',
      entityId: account.id,
    });
  });
  return { token, accountId: account.id, districtId: account.district_id, email: account.email, expiresAt };
}

/** Sets a new password from a reset token; the token works once, and every session of the account ends. */
export async function completePasswordReset(db: Db, o: { token: string; password: string; ip: string; requestId: string }): Promise<void> {
  const passwordHash = await hashPassword(o.password);
  await db.transaction(async (tx) => {
    const { rows } = await tx.query<{ account_id: string; district_id: string }>(
      `UPDATE password_resets SET used_at = now()
        WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()
        RETURNING account_id, district_id`,
      [sha256(o.token)],
    );
    const reset = rows[0];
    if (!reset) throw new AppError('invalid_token', 'This reset link is invalid, expired or already used', { field: 'token' });
    await tx.query(
      `UPDATE accounts SET password_hash = $2, password_changed_at = now(), failed_logins = 0, locked_until = NULL, updated_at = now()
        WHERE id = $1`,
      [reset.account_id, passwordHash],
    );
    await tx.query('UPDATE sessions SET ended_at = now() WHERE account_id = $1 AND ended_at IS NULL', [reset.account_id]);
    await writeAudit(tx, {
      districtId: reset.district_id,
      actor: null,
      actorLabel: 'password reset link',
      action: 'auth.password_reset',
      entityType: 'account',
      entityId: reset.account_id,
      ip: o.ip,
      requestId: o.requestId,
    });
  });
}
