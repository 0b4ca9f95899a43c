import { useState } from 'react';
import { Text, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { deviceLimits } from '../../../../shared/api/devices';
import { auditKeys, closeAudit, type DeviceAudit } from '../../../api/device-audits';
import { FormModal } from '../../../components/FormModal';
import { useWrite } from '../../../components/useWrite';
import { useFormat } from '../../../i18n/format';

/** Closing freezes the counts and the missing list: the dialog says how many devices go down as missing first. */
export function CloseAuditModal({ audit, onClose }: { audit: DeviceAudit; onClose: () => void }) {
  const { t } = useTranslation();
  const { number } = useFormat();
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const { busy, error, run } = useWrite(auditKeys.all);

  const confirm = async () => {
    const ok = await run(
      async () => queryClient.setQueryData(auditKeys.detail(audit.id), await closeAudit(audit.id, note.trim() || undefined)),
      () => t('audits.close.done', { name: audit.name }),
    );
    if (ok) onClose();
  };

  return (
    <FormModal
      title={t('audits.close.open')}
      onClose={onClose}
      onSubmit={confirm}
      busy={busy}
      error={error}
      submitLabel={t('audits.close.confirm')}
      submitColor="red.9"
    >
      {audit.counts.missing > 0 ? (
        <Text fw={600}>{t('audits.close.explain', { count: audit.counts.missing, formatted: number(audit.counts.missing) })}</Text>
      ) : null}
      <Text>{t('audits.close.final')}</Text>
      <Textarea
        label={t('audits.close.note')}
        description={t('audits.close.noteHelp')}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        autosize
        minRows={2}
        maxLength={deviceLimits.reasonMax}
        data-autofocus
      />
    </FormModal>
  );
}
