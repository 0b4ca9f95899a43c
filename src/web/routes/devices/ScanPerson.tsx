import { Group, Paper, Stack, Text } from '@mantine/core';
import { ToneBadge } from './DeviceStatusBadge';
import { useTranslation } from 'react-i18next';
import type { LineState, Person } from './scan-line';

/** Whose badge was scanned: enough to see at a glance that it is the student at the table. */
export function ScanPerson({ person, holding, overridden }: { person: Person; holding: LineState['holding']; overridden: string | null }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md" data-testid="scan-person">
      <Stack gap={4}>
        <Group gap="sm">
          <Text fz="xl" fw={700}>
            {person.name}
          </Text>
          {person.identifier ? <Text c="dimmed">{person.identifier}</Text> : null}
          {person.grades.length > 0 ? (
            <ToneBadge tone="info">{t('devices.scan.grade', { grade: person.grades.join(', ') })}</ToneBadge>
          ) : null}
          {person.schoolName ? <Text>{person.schoolName}</Text> : null}
        </Group>
        <Group gap="sm">
          <ToneBadge tone={person.agreementSigned ? 'ok' : 'warn'}>
            {person.agreementSigned ? t('devices.scan.agreementOnFile') : t('devices.scan.agreementMissing')}
          </ToneBadge>
          {overridden ? <ToneBadge tone="stop">{t('devices.scan.overriddenBadge')}</ToneBadge> : null}
        </Group>
        {holding.length > 0 ? (
          <Text size="sm">
            {t('devices.scan.holding', { tags: holding.map((d) => d.assetTag ?? d.serial).join(', '), count: holding.length })}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}
