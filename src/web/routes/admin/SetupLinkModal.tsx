import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../components/AppModal';

interface SetupLinkModalProps {
  email: string;
  setupUrl: string;
  emailed: boolean;
  onClose: () => void;
}

/** The new account's one-time link to choose a password: shown once, to hand over if email is not set up. */
export function SetupLinkModal({ email, setupUrl, emailed, onClose }: SetupLinkModalProps) {
  const { t } = useTranslation();
  return (
    <AppModal opened onClose={onClose} title={t('admin.accounts.createdTitle')} size="lg">
      <Stack gap="md">
        <Text>{emailed ? t('admin.accounts.createdEmailed', { email }) : t('admin.accounts.createdNotEmailed', { email })}</Text>
        <Code block style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
          {setupUrl}
        </Code>
        <Alert color="yellow">{t('admin.accounts.linkOnce')}</Alert>
        <Group justify="space-between">
          <CopyButton value={setupUrl}>
            {({ copied, copy }) => (
              <Button onClick={copy} aria-live="polite">
                {copied ? t('actions.copied') : t('admin.accounts.copyLink')}
              </Button>
            )}
          </CopyButton>
          <Button variant="default" onClick={onClose}>
            {t('actions.done')}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
