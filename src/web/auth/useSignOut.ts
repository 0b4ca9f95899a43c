import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { signOut } from '../api/auth';
import { ApiError } from '../api/errors';
import { errorMessage } from '../components/errors';
import { meQuery } from './me';
import { notify } from '../components/notify';

/**
 * Ends the session on the server, then forgets everything cached for this account, so that the
 * next person on a shared device sees nothing of it.
 */
export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { t } = useTranslation();
  const forget = async () => {
    await navigate('/sign-in', { replace: true, state: { signedOut: true } });
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
    queryClient.setQueryData(meQuery.queryKey, null);
  };
  return async () => {
    try {
      await signOut();
    } catch (err) {
      // Already signed out on the server (expired, or ended from another device): carry on.
      if (err instanceof ApiError && err.status === 401) return forget();
      notify(t, { color: 'red', title: t('errors.signOutFailed'), message: errorMessage(err, t) });
      return;
    }
    await forget();
  };
}
