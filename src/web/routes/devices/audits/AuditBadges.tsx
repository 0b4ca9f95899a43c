import { Group, Progress, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DeviceAudit } from '../../../api/device-audits';
import { ToneBadge } from '../DeviceStatusBadge';

/** Open or closed, and overdue when an open audit is past its due date: in words, the colour only repeats them. */
export function AuditStatusBadges({ audit }: { audit: Pick<DeviceAudit, 'status' | 'overdue'> }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} component="span" wrap="nowrap">
      <ToneBadge tone={audit.status === 'open' ? 'info' : 'muted'} style={{ flexShrink: 0 }}>
        {t(`audits.status.${audit.status}`)}
      </ToneBadge>
      {audit.overdue ? (
        <ToneBadge tone="warn" style={{ flexShrink: 0 }}>
          {t('audits.overdue')}
        </ToneBadge>
      ) : null}
    </Group>
  );
}

/** Share of the expected devices seen so far: 0 expected counts as nothing left to find. */
export function percentSeen(counts: DeviceAudit['counts']): number {
  if (counts.expected === 0) return 100;
  return Math.floor((Math.min(counts.seenHere, counts.expected) * 100) / counts.expected);
}

/** The bar and its figure; the bar's name says the counts for screen readers. */
export function AuditProgress({ audit, size = 'md' }: { audit: Pick<DeviceAudit, 'name' | 'counts'>; size?: 'md' | 'lg' }) {
  const { t } = useTranslation();
  const percent = percentSeen(audit.counts);
  return (
    <Group gap="xs" wrap="nowrap" miw={size === 'lg' ? 260 : 150}>
      <Progress
        value={percent}
        flex={1}
        size={size}
        color={percent === 100 ? 'teal.9' : 'blue.8'}
        aria-label={t('audits.progressLabel', { name: audit.name, seen: audit.counts.seenHere, expected: audit.counts.expected })}
      />
      <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
        {t('audits.progress', { percent })}
      </Text>
    </Group>
  );
}
