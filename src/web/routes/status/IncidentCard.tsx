import { useId } from 'react';
import { Badge, Box, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StatusPage } from '../../api/status-page';
import { useFormat } from '../../i18n/format';
import { StatusBadge } from './StatusBadge';

type PublicIncident = StatusPage['incidents'][number];

/** One incident as families read it: what is affected, how bad, and every public update, newest first. */
export function IncidentCard({ incident: i }: { incident: PublicIncident }) {
  const { t } = useTranslation();
  const format = useFormat();
  const titleId = useId();
  const resolved = i.resolvedAt !== null;
  return (
    <Paper withBorder p="md" radius="md" component="article" aria-labelledby={titleId}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Title order={3} size="h5" id={titleId}>
            {i.title}
          </Title>
          <Group gap="xs">
            {resolved ? (
              <StatusBadge status="operational" label={i.statusLabel} />
            ) : (
              <StatusBadge status={i.impact} label={i.impactLabel} />
            )}
            {resolved ? null : (
              <Badge variant="outline" color="gray" c="var(--mantine-color-text)" tt="none">
                {i.statusLabel}
              </Badge>
            )}
          </Group>
        </Group>
        {i.systems.length > 0 ? <Text size="sm">{t('statusPage.incidents.affects', { systems: i.systems.join(', ') })}</Text> : null}
        <Text size="sm" c="dimmed">
          {t('statusPage.incidents.started', { time: format.dateTime(i.startedAt) })}
          {i.resolvedAt ? ` · ${t('statusPage.incidents.resolved', { time: format.dateTime(i.resolvedAt) })}` : null}
        </Text>
        {i.updates.length > 0 ? (
          <Stack component="ol" gap="sm" m={0} p={0} aria-label={t('statusPage.incidents.updates')} style={{ listStyle: 'none' }}>
            {[...i.updates].reverse().map((u) => (
              <Box
                component="li"
                key={`${u.at}-${u.message}`}
                pl="sm"
                style={{ borderLeft: '3px solid var(--mantine-color-default-border)' }}
              >
                <Text size="sm">
                  {u.statusLabel ? (
                    <Text span fw={700}>
                      {u.statusLabel} ·{' '}
                    </Text>
                  ) : null}
                  <Text span c="dimmed" size="sm">
                    <time dateTime={u.at}>{format.dateTime(u.at)}</time>
                  </Text>
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                  {u.message}
                </Text>
              </Box>
            ))}
          </Stack>
        ) : null}
      </Stack>
    </Paper>
  );
}
