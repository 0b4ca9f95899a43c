import { useState } from 'react';
import { Radio, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { changeDeviceStatus, type DeviceDetail, type DeviceStatus } from '../../api/devices';
import { FormModal } from '../../components/FormModal';
import { useWrite } from '../../components/useWrite';

/** Moves a device along its life (found, lost, stolen, retired…): only the moves the status machine allows are offered. */
export function StatusChangeModal({ device, moves, onClose }: { device: DeviceDetail; moves: DeviceStatus[]; onClose: () => void }) {
  const { t } = useTranslation();
  const [to, setTo] = useState<DeviceStatus>(moves[0]!);
  const [note, setNote] = useState('');
  const { busy, error, run } = useWrite();
  const tag = device.assetTag ?? device.serial;

  const save = async () => {
    const ok = await run(
      () => changeDeviceStatus(device.id, to, note.trim() || undefined),
      () => t('devices.statusChange.done', { tag, status: t(`devices.status.${to}`) }),
    );
    if (ok) onClose();
  };

  return (
    <FormModal
      title={t('devices.statusChange.title', { tag })}
      onClose={onClose}
      onSubmit={save}
      busy={busy}
      error={error}
      submitLabel={t('devices.statusChange.save')}
    >
      <Radio.Group label={t('devices.statusChange.to')} value={to} onChange={(v) => setTo(v as DeviceStatus)}>
        <Stack gap="xs" mt="xs">
          {moves.map((m) => (
            <Radio key={m} value={m} label={t(`devices.status.${m}`)} />
          ))}
        </Stack>
      </Radio.Group>
      <TextInput label={t('devices.statusChange.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={500} />
    </FormModal>
  );
}
