import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../components/AppModal';

/** The token's secret, shown this once: DistrictOps keeps only its hash. */
export function TokenSecretModal({ name, token, onClose }: { name: string; token: string; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <AppModal opened onClose={onClose} title={t('admin.tokens.createdTitle', { name })} size="lg" closeOnClickOutside={false}>
      <Stack gap="md">
        <Alert color="yellow">{t('admin.tokens.shownOnce')}</Alert>
        <Code block style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }} data-testid="token-secret">
          {token}
        </Code>
        <Text size="sm">{t('admin.tokens.usage')}</Text>
        <Group justify="space-between">
          <CopyButton value={token}>
            {({ copied, copy }) => (
              <Button onClick={copy} aria-live="polite">
                {copied ? t('actions.copied') : t('admin.tokens.copy')}
              </Button>
            )}
          </CopyButton>
          <Button variant="default" onClick={onClose}>
            {t('admin.tokens.stored')}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
