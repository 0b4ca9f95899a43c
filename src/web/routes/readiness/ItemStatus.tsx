import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ItemTiming } from './readiness-dates';
import { ClockIcon, DoneIcon, LateIcon } from './ReadinessIcons';

/** Where an item stands, in words with an icon beside them: late items stand out without relying on colour. */
export function ItemStatus({ timing }: { timing: ItemTiming }) {
  const { t } = useTranslation();
  switch (timing.kind) {
    case 'done':
      return (
        <Group gap={6} wrap="nowrap">
          <DoneIcon color="var(--mantine-color-green-filled)" />
          <Text size="sm">{t('readiness.status.done')}</Text>
        </Group>
      );
    case 'late':
      return (
        <Group gap={6} wrap="nowrap" c="var(--mantine-color-error)">
          <LateIcon />
          <Text size="sm" fw={700} c="inherit" style={{ whiteSpace: 'nowrap' }}>
            {t('readiness.status.late', { count: timing.days })}
          </Text>
        </Group>
      );
    case 'today':
      return (
        <Group gap={6} wrap="nowrap">
          <ClockIcon />
          <Text size="sm" fw={600}>
            {t('readiness.status.today')}
          </Text>
        </Group>
      );
    case 'upcoming':
      return (
        <Text size="sm" c={timing.days <= 7 ? undefined : 'dimmed'} fw={timing.days <= 7 ? 600 : undefined}>
          {t('readiness.status.left', { count: timing.days })}
        </Text>
      );
  }
}
