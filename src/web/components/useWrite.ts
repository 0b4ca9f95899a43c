import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from './errors';
import { notify } from './notify';

/** A mistake the page itself finds before asking the server (an unknown asset tag), said in the reader's language. */
export class FormProblem extends Error {}

/**
 * One write from a form: while it runs the button is busy; then the queries under `refresh` are
 * refetched and a confirmation shown, or the error is kept for the form's alert (WriteError).
 */
export function useWrite(refresh: readonly unknown[] = ['devices']) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async (action: () => Promise<unknown>, done: () => string, onError?: (err: unknown) => void): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await action();
      await queryClient.invalidateQueries({ queryKey: refresh });
      notify(t, { color: 'green', message: done() });
      return true;
    } catch (err) {
      onError?.(err);
      setError(err instanceof FormProblem ? err.message : errorMessage(err, t));
      return false;
    } finally {
      setBusy(false);
    }
  };

  return { busy, error, setError, run };
}
