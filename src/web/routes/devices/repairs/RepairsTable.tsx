import { Anchor, Table, Text, VisuallyHidden } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { fetchRepairs, repairKeys, type RepairsQuery } from '../../../api/device-repairs';
import { Loading } from '../../../components/Loading';
import { QueryError } from '../../../components/QueryError';
import { useFormat } from '../../../i18n/format';
import { useMoney } from '../money';
import { Pager } from '../../../components/Pager';
import { RepairStatusBadge } from './RepairStatusBadge';

/** One page of repairs: the device, whose it is, what happened, where it stands and what it cost. */
export function RepairsTable({ query, onPage }: { query: RepairsQuery; onPage: (page: number) => void }) {
  const { t } = useTranslation();
  const { number, dateTime } = useFormat();
  const money = useMoney();
  const result = useQuery({ queryKey: repairKeys.list(query), queryFn: () => fetchRepairs(query), placeholderData: keepPreviousData });
  if (result.isPending) return <Loading />;
  if (result.isError) return <QueryError error={result.error} onRetry={result.refetch} />;
  const { items, total } = result.data;
  const openOnly = query.open === 'true';

  return (
    <>
      <Text role="status" aria-live="polite" size="sm" c="dimmed">
        {t('repairs.list.results', { count: total, formatted: number(total) })}
      </Text>
      {items.length === 0 ? (
        <Text py="lg">{openOnly && !query.status && !query.schoolId ? t('repairs.list.noneOpen') : t('repairs.list.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={860}>
          <Table
            striped
            highlightOnHover
            verticalSpacing="sm"
            style={{ opacity: result.isPlaceholderData ? 0.6 : 1 }}
            data-testid="repairs"
          >
            <VisuallyHidden component="caption">{openOnly ? t('repairs.list.captionOpen') : t('repairs.list.captionAll')}</VisuallyHidden>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('repairs.list.device')}</Table.Th>
                <Table.Th scope="col">{t('repairs.list.student')}</Table.Th>
                <Table.Th scope="col">{t('repairs.list.kind')}</Table.Th>
                <Table.Th scope="col">{t('repairs.list.status')}</Table.Th>
                <Table.Th scope="col">{t('repairs.list.opened')}</Table.Th>
                <Table.Th scope="col">{t('repairs.list.school')}</Table.Th>
                <Table.Th scope="col">{t('repairs.list.vendor')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('repairs.list.totalCost')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Th scope="row" fw={400}>
                    <Anchor component={Link} to={`/devices/${r.device.id}`} fw={600}>
                      {r.device.assetTag ?? r.device.serial}
                    </Anchor>
                    {r.device.modelName ? (
                      <Text size="xs" c="dimmed">
                        {r.device.modelName}
                      </Text>
                    ) : null}
                  </Table.Th>
                  <Table.Td>
                    {r.person ? (
                      <Anchor component={Link} to={`/people/${r.person.id}`}>
                        {r.person.name}
                      </Anchor>
                    ) : (
                      t('repairs.list.noStudent')
                    )}
                  </Table.Td>
                  <Table.Td>{t(`repairs.kinds.${r.kind}`)}</Table.Td>
                  <Table.Td>
                    <RepairStatusBadge status={r.status} />
                  </Table.Td>
                  <Table.Td>{dateTime(r.openedAt)}</Table.Td>
                  <Table.Td>{r.schoolName ?? '—'}</Table.Td>
                  <Table.Td>{r.vendor ?? '—'}</Table.Td>
                  <Table.Td ta="right">{money(r.totalCost)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Pager total={total} pageSize={query.pageSize ?? 25} page={query.page ?? 1} onPage={onPage} />
    </>
  );
}
