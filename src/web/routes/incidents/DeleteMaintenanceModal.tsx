import { useState } from 'react';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../components/AppModal';
import { errorMessage } from '../../components/errors';

interface DeleteMaintenanceModalProps {
  title: string;
  onClose: () => void;
  onDelete: () => Promise<void>;
}

/** Asks before a planned window disappears: the status page stops announcing it at once. */
export function DeleteMaintenanceModal({ title, onClose, onDelete }: DeleteMaintenanceModalProps) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onDelete();
    } catch (err) {
      setError(errorMessage(err, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <AppModal opened onClose={onClose} title={t('incidents.maintenance.delete.title')}>
      <Stack gap="md">
        {error ? (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        ) : null}
        <Text>{t('incidents.maintenance.delete.body', { title })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('actions.cancel')}
          </Button>
          <Button color="red.8" onClick={() => void confirm()} loading={busy}>
            {t('incidents.maintenance.delete.confirm')}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
