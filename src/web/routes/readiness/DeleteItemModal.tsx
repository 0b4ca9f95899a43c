import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../components/AppModal';
import { useModalForm } from './useModalForm';

interface DeleteItemModalProps {
  title: string;
  onClose: () => void;
  onDelete: () => Promise<unknown>;
}

export function DeleteItemModal({ title, onClose, onDelete }: DeleteItemModalProps) {
  const { t } = useTranslation();
  const { formError, busy, send } = useModalForm([]);
  return (
    <AppModal opened onClose={onClose} title={t('readiness.item.deleteTitle')}>
      <Stack gap="md">
        <Text>{t('readiness.item.deleteConfirm', { title })}</Text>
        {formError ? (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('actions.cancel')}
          </Button>
          <Button color="red" loading={busy} onClick={() => void send(onDelete)}>
            {t('readiness.item.delete')}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
