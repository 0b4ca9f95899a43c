import type { TFunction } from 'i18next';
import { z } from 'zod';
import { oidcErrorCodeSchema } from '../../../shared/api/auth';
import { ApiError } from '../../api/errors';
import { errorMessage } from '../../components/errors';

const lockDetails = z.object({ lockedUntil: z.iso.datetime() });

/** The sign-in failures people meet most, each with what to do about it. */
export function signInErrorMessage(err: unknown, t: TFunction): string {
  if (err instanceof ApiError) {
    switch (err.code) {
      case 'invalid_credentials':
        return t('signIn.errors.invalidCredentials');
      case 'account_locked': {
        const details = lockDetails.safeParse(err.details);
        const minutes = details.success ? Math.max(1, Math.ceil((Date.parse(details.data.lockedUntil) - Date.now()) / 60_000)) : 15;
        return t('signIn.errors.locked', { count: minutes });
      }
      case 'rate_limited':
        return t('signIn.errors.rateLimited');
      default:
        break;
    }
  }
  return errorMessage(err, t);
}

/** The single-sign-on callback sends people back here with ?error=<code> when it could not sign them in. */
export function oidcErrorMessage(code: string, t: TFunction): string {
  const known = oidcErrorCodeSchema.safeParse(code);
  return known.success ? t(`signIn.oidcErrors.${known.data}`) : t('signIn.oidcErrors.other');
}
