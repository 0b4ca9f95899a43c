import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDuration } from '../../../shared/api/systems';
import type { SystemDetail } from '../../api/systems';
import { useFormat } from '../../i18n/format';
import { StatusLabel } from './status-style';

type Check = SystemDetail['checks'][number];

const checkStatus = { up: 'operational', degraded: 'degraded', down: 'major_outage', unknown: 'unknown' } as const;

/** What the check looks at, in the words of its type. */
function targetOf(c: Check): string {
  const s = c.spec;
  const str = (k: string) => (typeof s[k] === 'string' || typeof s[k] === 'number' ? String(s[k]) : '');
  switch (c.type) {
    case 'http':
      return `${str('method') || 'GET'} ${str('url')}`;
    case 'tcp':
      return `${str('host')}:${str('port')}`;
    case 'dns':
      return `${str('record') || 'A'} ${str('host')}`;
    case 'tls':
      return `${str('host')}:${str('port') || '443'}`;
    case 'heartbeat':
      return '';
  }
}

/** The system's checks with their last result, so "why is it down" is one glance away. */
export function SystemChecks({ checks }: { checks: Check[] }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  if (checks.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('systems.detail.noChecks')}
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('systems.detail.checkName')}</Table.Th>
            <Table.Th scope="col">{t('systems.detail.checkTarget')}</Table.Th>
            <Table.Th scope="col">{t('systems.detail.checkEvery')}</Table.Th>
            <Table.Th scope="col">{t('systems.detail.checkState')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('systems.detail.checkLatency')}
            </Table.Th>
            <Table.Th scope="col">{t('systems.detail.checkedAt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {checks.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Th scope="row" fw={600}>
                {c.key}
                <Text size="xs" c="dimmed">
                  {c.type}
                </Text>
              </Table.Th>
              <Table.Td style={{ wordBreak: 'break-all' }}>{targetOf(c)}</Table.Td>
              <Table.Td>{formatDuration(c.intervalMs)}</Table.Td>
              <Table.Td>
                <StatusLabel status={checkStatus[c.state]} text={t(`systems.detail.checkStates.${c.state}`)} />
                {c.state !== 'up' && c.lastMessage ? (
                  <Text size="xs" c="dimmed">
                    {c.lastMessage}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td ta="right">{c.lastLatencyMs === null ? '—' : t('systems.detail.latencyMs', { ms: c.lastLatencyMs })}</Table.Td>
              <Table.Td>{c.lastCheckedAt ? dateTime(c.lastCheckedAt) : t('systems.detail.neverChecked')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
