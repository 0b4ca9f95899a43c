import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Why a write failed, announced at once to screen readers. */
export function WriteError({ error }: { error: string | null }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert color="red" role="alert" title={t('errors.saveFailedTitle')}>
      {error}
    </Alert>
  );
}
