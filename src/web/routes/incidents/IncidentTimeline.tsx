import { Badge, Group, Paper, Stack, Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Incident } from '../../api/incidents';
import { useFormat } from '../../i18n/format';
import { StatusBadge } from './IncidentBadges';

/**
 * The incident's updates, oldest first. Public updates show both languages as the status page
 * shows them; internal notes are marked as such (they never reach the status page).
 */
export function IncidentTimeline({ updates }: { updates: Incident['updates'] }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  return (
    <Timeline active={updates.length - 1} bulletSize={14} lineWidth={2} color="gray">
      {updates.map((u) => (
        <Timeline.Item
          key={u.id}
          title={
            <Group gap="xs" wrap="wrap">
              <Text fw={600} size="sm">
                {dateTime(u.at)}
              </Text>
              {u.status ? <StatusBadge status={u.status} size="sm" /> : null}
              {u.kind === 'internal' ? (
                <Badge color="gray.8" tt="none" size="sm">
                  {t('incidents.timeline.internal')}
                </Badge>
              ) : null}
              <Text size="sm" c="dimmed">
                {t('incidents.timeline.by', { author: u.author })}
              </Text>
            </Group>
          }
        >
          {u.kind === 'internal' ? (
            <Paper withBorder p="xs" mt={4} bg="var(--mantine-color-default-hover)" style={{ borderStyle: 'dashed' }}>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {u.note}
              </Text>
            </Paper>
          ) : u.message ? (
            <Stack gap={4} mt={4}>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                <Text span size="xs" fw={700} c="dimmed" mr={6}>
                  {t('language.names.en')}
                </Text>
                <span lang="en">{u.message.en}</span>
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                <Text span size="xs" fw={700} c="dimmed" mr={6}>
                  {t('language.names.es')}
                </Text>
                <span lang="es">{u.message.es}</span>
              </Text>
            </Stack>
          ) : (
            <Text size="sm" c="dimmed" mt={4}>
              {t('incidents.timeline.stateOnly')}
            </Text>
          )}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
