import { Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ToneBadge } from '../DeviceStatusBadge';
import type { AuditEntry } from './audit-line';
import { outcomeTone, useAuditText } from './audit-text';

const SHOWN = 50;

/** This visit's scans, newest first: what was found where, to set aside what belongs elsewhere. */
export function AuditScanLog({ entries }: { entries: AuditEntry[] }) {
  const { t } = useTranslation();
  const text = useAuditText();
  if (entries.length === 0) return <Text c="dimmed">{t('audits.scan.logEmpty')}</Text>;
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped data-testid="audit-scan-log">
        <Table.Caption>{t('audits.scan.logCaption', { shown: Math.min(SHOWN, entries.length), count: entries.length })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('audits.scan.columns.time')}</Table.Th>
            <Table.Th scope="col">{t('audits.scan.columns.result')}</Table.Th>
            <Table.Th scope="col">{t('audits.scan.columns.what')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.slice(0, SHOWN).map((e) => (
            <Table.Tr key={e.id} data-outcome={e.outcome}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{text.time(e.at)}</Table.Td>
              <Table.Td>
                <ToneBadge tone={outcomeTone[e.outcome]}>{text.badge(e.outcome)}</ToneBadge>
              </Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  <span>{text.message(e)}</span>
                  {e.warnings.map((w) => (
                    <Text key={w.key} size="sm" fw={600}>
                      {text.warning(w)}
                    </Text>
                  ))}
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
