import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A spinner that also tells screen readers what is happening. */
export function Loading({ fullPage = false }: { fullPage?: boolean }) {
  const { t } = useTranslation();
  return (
    <Center h={fullPage ? '100vh' : 160} role="status" aria-live="polite">
      <Loader aria-label={t('status.loading')} />
    </Center>
  );
}
