import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NetworkError } from '../api/errors';
import { errorMessage } from './errors';

interface QueryErrorProps {
  error: unknown;
  onRetry?: () => unknown;
}

/** A failed load, said plainly, with a way to try again: a lost connection must never leave a blank page. */
export function QueryError({ error, onRetry }: QueryErrorProps) {
  const { t } = useTranslation();
  const offline = error instanceof NetworkError;
  return (
    <Alert color={offline ? 'yellow' : 'red'} title={offline ? t('errors.connectionTitle') : t('errors.loadFailedTitle')} role="alert">
      <Group justify="space-between" gap="sm">
        <Text size="sm">{errorMessage(error, t)}</Text>
        {onRetry ? (
          <Button size="xs" variant="default" onClick={() => void onRetry()}>
            {t('actions.retry')}
          </Button>
        ) : null}
      </Group>
    </Alert>
  );
}
