import { useState } from 'react';
import { Anchor, Tabs, Table, Text, VisuallyHidden } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { auditItemResults } from '../../../../shared/api/device-audits';
import { auditKeys, fetchAuditDevices, type AuditItemResult, type DeviceAudit } from '../../../api/device-audits';
import { Loading } from '../../../components/Loading';
import { QueryError } from '../../../components/QueryError';
import { useFormat } from '../../../i18n/format';
import { DeviceStatusBadge } from '../DeviceStatusBadge';
import { Pager } from '../../../components/Pager';

const PAGE_SIZE = 25;
/** What is still to find comes first. */
const tabs = ['missing', 'seen_here', 'seen_elsewhere'] as const satisfies readonly AuditItemResult[];
const isResult = (value: string | null): value is AuditItemResult => (auditItemResults as readonly string[]).includes(value ?? '');
const countOf = (audit: DeviceAudit, result: AuditItemResult) =>
  result === 'missing' ? audit.counts.missing : result === 'seen_here' ? audit.counts.seenHere : audit.counts.seenElsewhere;

/** What the audit found, one tab per outcome; the tab is in the URL so a link opens the missing list. */
export function AuditDeviceLists({ audit }: { audit: DeviceAudit }) {
  const { t } = useTranslation();
  const { number } = useFormat();
  const [params, setParams] = useSearchParams();
  const requested = params.get('list');
  const tab: AuditItemResult = isResult(requested) ? requested : 'missing';

  return (
    <Tabs value={tab} onChange={(v) => setParams(v && v !== 'missing' ? { list: v } : {}, { replace: true })} keepMounted={false}>
      <Tabs.List aria-label={t('audits.lists.tabsLabel')}>
        {tabs.map((r) => (
          <Tabs.Tab key={r} value={r}>
            {t(`audits.lists.tabs.${r}`, { count: number(countOf(audit, r)) })}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {tabs.map((r) => (
        <Tabs.Panel key={r} value={r} pt="md">
          <AuditDevicesTable audit={audit} result={r} />
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}

function AuditDevicesTable({ audit, result }: { audit: DeviceAudit; result: AuditItemResult }) {
  const { t } = useTranslation();
  const { number, dateTime } = useFormat();
  const [page, setPage] = useState(1);
  const query = { result, page, pageSize: PAGE_SIZE };
  const list = useQuery({
    queryKey: auditKeys.devices(audit.id, query),
    queryFn: () => fetchAuditDevices(audit.id, query),
    placeholderData: keepPreviousData,
  });
  if (list.isPending) return <Loading />;
  if (list.isError) return <QueryError error={list.error} onRetry={list.refetch} />;
  const { items, total } = list.data;
  const closed = audit.status === 'closed';

  if (items.length === 0) {
    const empty = result === 'missing' && !closed ? t('audits.lists.empty.missing_open') : t(`audits.lists.empty.${result}`);
    return <Text py="md">{empty}</Text>;
  }
  const statusLabel =
    result === 'missing'
      ? closed
        ? t('audits.lists.columns.statusAtClose')
        : t('audits.lists.columns.status')
      : t('audits.lists.columns.statusWhenSeen');

  return (
    <>
      <Text size="sm" c="dimmed" mb="xs">
        {t('audits.lists.results', { count: total, formatted: number(total) })}
      </Text>
      <Table.ScrollContainer minWidth={760}>
        <Table striped verticalSpacing="xs" style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }} data-testid={`audit-list-${result}`}>
          <VisuallyHidden component="caption">{t(`audits.lists.captions.${result}`)}</VisuallyHidden>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('audits.lists.columns.tag')}</Table.Th>
              <Table.Th scope="col">{t('audits.lists.columns.serial')}</Table.Th>
              <Table.Th scope="col">{t('audits.lists.columns.model')}</Table.Th>
              <Table.Th scope="col">{statusLabel}</Table.Th>
              {result === 'missing' ? (
                <>
                  <Table.Th scope="col">{t('audits.lists.columns.assignee')}</Table.Th>
                  <Table.Th scope="col">{t('audits.lists.columns.location')}</Table.Th>
                </>
              ) : (
                <>
                  {result === 'seen_elsewhere' ? <Table.Th scope="col">{t('audits.lists.columns.belongsTo')}</Table.Th> : null}
                  <Table.Th scope="col">{t('audits.lists.columns.seenAt')}</Table.Th>
                  <Table.Th scope="col">{t('audits.lists.columns.seenBy')}</Table.Th>
                </>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map(({ device: d, ...item }) => (
              <Table.Tr key={d.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/devices/${d.id}`} fw={600}>
                    {d.assetTag ?? d.serial}
                  </Anchor>
                </Table.Td>
                <Table.Td ff="monospace">{d.serial}</Table.Td>
                <Table.Td>{d.modelName ?? '—'}</Table.Td>
                <Table.Td>
                  <DeviceStatusBadge status={item.statusThen} />
                </Table.Td>
                {result === 'missing' ? (
                  <>
                    <Table.Td>{d.assignee ? d.assignee.name : '—'}</Table.Td>
                    <Table.Td>{d.location ?? '—'}</Table.Td>
                  </>
                ) : (
                  <>
                    {result === 'seen_elsewhere' ? <Table.Td>{d.schoolName ?? t('audits.lists.noSchool')}</Table.Td> : null}
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{item.seenAt ? dateTime(item.seenAt) : '—'}</Table.Td>
                    <Table.Td>{item.seenBy ?? '—'}</Table.Td>
                  </>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Pager total={total} pageSize={PAGE_SIZE} page={page} onPage={setPage} />
    </>
  );
}
