import { useId } from 'react';
import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StatusPage } from '../../api/status-page';
import { dateTimeFormat, useFormat } from '../../i18n/format';
import { StatusBadge } from './StatusBadge';

type PlannedMaintenance = StatusPage['maintenance'][number];

/** A planned window in the reader's time zone, said as one range ("Mar 14, 10:00 – 11:00 PM"). */
export function MaintenanceItem({ window: w, now }: { window: PlannedMaintenance; now: number }) {
  const { t } = useTranslation();
  const { locale } = useFormat();
  const titleId = useId();
  const range = dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).formatRange(new Date(w.start), new Date(w.end));
  const happening = Date.parse(w.start) <= now && now < Date.parse(w.end);
  return (
    <Paper withBorder p="md" radius="md" component="article" aria-labelledby={titleId}>
      <Stack gap={4}>
        <Group justify="space-between" align="flex-start" gap="xs">
          <Title order={3} size="h5" id={titleId}>
            {w.title}
          </Title>
          {happening ? <StatusBadge status="maintenance" label={t('statusPage.maintenance.now')} /> : null}
        </Group>
        <Text size="sm">
          <time dateTime={w.start}>{range}</time>
        </Text>
        {w.systems.length > 0 ? <Text size="sm">{t('statusPage.maintenance.affects', { systems: w.systems.join(', ') })}</Text> : null}
      </Stack>
    </Paper>
  );
}
