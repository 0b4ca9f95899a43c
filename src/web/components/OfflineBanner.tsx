import { Alert } from '@mantine/core';
import { useNetwork } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';

/** Says so as soon as the device loses its connection, before a request fails. */
export function OfflineBanner() {
  const { t } = useTranslation();
  const { online } = useNetwork();
  if (online) return null;
  return (
    <Alert color="yellow" title={t('errors.connectionTitle')} role="status" mb="md">
      {t('errors.offline')}
    </Alert>
  );
}
