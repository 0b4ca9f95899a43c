import { useState } from 'react';
import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApiToken } from '../../api/admin';
import { AppModal } from '../../components/AppModal';

/** Revoking cannot be undone and stops the integration at once: ask first. */
export function RevokeTokenModal({ token, onClose, onConfirm }: { token: ApiToken; onClose: () => void; onConfirm: () => Promise<void> }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  return (
    <AppModal opened onClose={onClose} title={t('admin.tokens.revokeTitle', { name: token.name })}>
      <Stack gap="md">
        <Text>{t('admin.tokens.revokeBody')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('actions.cancel')}
          </Button>
          <Button
            color="red"
            loading={busy}
            onClick={() => {
              setBusy(true);
              void onConfirm().finally(() => setBusy(false));
            }}
          >
            {t('admin.tokens.revoke')}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
