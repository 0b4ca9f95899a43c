import { Chip, Group, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { deviceStatuses } from '../../../shared/api/devices';
import { deviceKeys, fetchDeviceCounts, type DeviceStatus } from '../../api/devices';
import { useFormat } from '../../i18n/format';

/** How many devices are in each status; picking one filters the list. */
export function DeviceCounts({ active, onPick }: { active: DeviceStatus | undefined; onPick: (s: DeviceStatus | undefined) => void }) {
  const { t } = useTranslation();
  const { number } = useFormat();
  const counts = useQuery({ queryKey: deviceKeys.counts, queryFn: fetchDeviceCounts });
  if (!counts.data) return null;
  const by = new Map(counts.data.byStatus.map((s) => [s.status, s.devices]));
  const total = counts.data.byStatus.reduce((sum, s) => sum + s.devices, 0);
  return (
    <div>
      <Text size="sm" fw={500} mb={6} id="device-counts-label">
        {t('devices.counts.label', { count: total, formatted: number(total) })}
      </Text>
      <Chip.Group multiple={false} value={active ?? ''} onChange={(v) => onPick(v ? (v as DeviceStatus) : undefined)}>
        <Group gap="xs" role="group" aria-labelledby="device-counts-label">
          {deviceStatuses
            .filter((s) => (by.get(s) ?? 0) > 0)
            .map((s) => (
              <Chip key={s} value={s} variant="light" onClick={() => (active === s ? onPick(undefined) : undefined)}>
                {t(`devices.status.${s}`)}: {number(by.get(s) ?? 0)}
              </Chip>
            ))}
        </Group>
      </Chip.Group>
    </div>
  );
}
