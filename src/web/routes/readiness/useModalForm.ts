import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorField, errorMessage } from '../../components/errors';

/**
 * The state every readiness form shares: errors at their field, an error that belongs to no shown
 * field above the form, and a busy flag. A server error naming one of `fields` is shown at that field,
 * as the checks made here before sending are.
 */
export function useModalForm(fields: readonly string[]) {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const send = async (action: () => Promise<unknown>): Promise<void> => {
    setBusy(true);
    setFormError(null);
    try {
      await action();
    } catch (err) {
      const field = errorField(err);
      if (field && fields.includes(field)) setErrors({ [field]: errorMessage(err, t) });
      else setFormError(errorMessage(err, t));
    } finally {
      setBusy(false);
    }
  };

  return { errors, setErrors, formError, setFormError, busy, send };
}
