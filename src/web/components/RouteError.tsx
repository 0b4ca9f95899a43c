import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useFirstPaintDone } from '../app/first-paint';

/** A page that failed to load or render (often: its code could not be fetched because the connection dropped). */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  useFirstPaintDone(true);
  if (!notFound) console.error(error);
  return (
    <Center mih="60vh" p="lg">
      <Stack align="center" gap="sm" maw={480} role="alert">
        <Title order={1}>{notFound ? t('notFound.title') : t('errors.pageFailedTitle')}</Title>
        <Text ta="center">{notFound ? t('notFound.body') : t('errors.pageFailed')}</Text>
        <Button onClick={() => window.location.reload()}>{t('actions.reload')}</Button>
      </Stack>
    </Center>
  );
}
