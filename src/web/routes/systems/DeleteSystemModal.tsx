import { useState } from 'react';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { deleteSystem, type SystemDetail } from '../../api/systems';
import { AppModal } from '../../components/AppModal';
import { errorMessage } from '../../components/errors';
import { notify } from '../../components/notify';

/** Deleting asks first; the server refuses while other systems depend on it, and this says which. */
export function DeleteSystemModal({ system, onClose }: { system: SystemDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const blocked = system.neededBy.length > 0;

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await deleteSystem(system.id);
      queryClient.removeQueries({ queryKey: ['systems', 'detail', system.id] });
      await queryClient.invalidateQueries({ queryKey: ['systems'] });
      notify(t, { color: 'green', message: t('systems.delete.done', { name: system.name }) });
      onClose();
      void navigate('/systems');
    } catch (err) {
      setError(errorMessage(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <AppModal opened onClose={onClose} title={t('systems.delete.title', { name: system.name })}>
      <Stack gap="md">
        {error ? (
          <Alert color="red" role="alert" title={t('errors.saveFailedTitle')}>
            {error}
          </Alert>
        ) : null}
        {blocked ? (
          <Alert color="yellow">{t('systems.delete.neededBy', { names: system.neededBy.map((d) => d.name).join(', ') })}</Alert>
        ) : (
          <Text>{t('systems.delete.body')}</Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('actions.cancel')}
          </Button>
          <Button color="red" onClick={() => void confirm()} loading={busy} disabled={blocked}>
            {t('systems.delete.confirm')}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
