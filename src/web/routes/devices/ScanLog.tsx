import { Table, Text } from '@mantine/core';
import { ToneBadge } from './DeviceStatusBadge';
import { useTranslation } from 'react-i18next';
import { dateTimeFormat, localeFor } from '../../i18n/format';
import type { Entry, Message } from './scan-line';

/** A line message in the reader's language: each kind of result and stop has its own sentence. */
export function useLineText() {
  const { t } = useTranslation();
  // The keys are built from the line's message kinds, all of which devices.scan.msg lists.
  const dynamic = t as unknown as (key: string, options?: Record<string, string>) => string;
  return (m: Message): string => {
    const params = { ...m.params };
    if (params.status) params.status = dynamic(`devices.status.${params.status}`, { defaultValue: params.status });
    return dynamic(`devices.scan.msg.${m.key}`, params);
  };
}

const SHOWN = 50;

/** This session's scans, newest first: what a technician checks when a student says "that's not mine". */
export function ScanLog({ entries }: { entries: Entry[] }) {
  const { t, i18n } = useTranslation();
  const text = useLineText();
  const time = dateTimeFormat(localeFor(i18n.language), { timeStyle: 'medium' });
  if (entries.length === 0) return <Text c="dimmed">{t('devices.scan.logEmpty')}</Text>;
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped data-testid="scan-log">
        <Table.Caption>{t('devices.scan.logCaption', { shown: Math.min(SHOWN, entries.length), count: entries.length })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('devices.scan.columns.time')}</Table.Th>
            <Table.Th scope="col">{t('devices.scan.columns.result')}</Table.Th>
            <Table.Th scope="col">{t('devices.scan.columns.what')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.slice(0, SHOWN).map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>{time.format(e.at)}</Table.Td>
              <Table.Td>
                <ToneBadge tone={e.tone === 'ok' ? (e.undone ? 'muted' : 'ok') : e.tone === 'stop' ? 'stop' : 'info'}>
                  {e.undone ? t('devices.scan.tones.undoneLater') : t(`devices.scan.tones.${e.tone}`)}
                </ToneBadge>
              </Table.Td>
              <Table.Td td={e.undone ? 'line-through' : undefined}>{text(e)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
