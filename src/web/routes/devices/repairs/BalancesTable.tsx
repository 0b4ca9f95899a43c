import { useState } from 'react';
import { Anchor, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { fetchBalances, repairKeys } from '../../../api/device-repairs';
import { Loading } from '../../../components/Loading';
import { QueryError } from '../../../components/QueryError';
import { useFormat } from '../../../i18n/format';
import { ToneBadge } from '../DeviceStatusBadge';
import { useMoney } from '../money';
import { Pager } from '../../../components/Pager';

const PAGE_SIZE = 25;

/** Everyone who owes device fees, largest balance first, and whether a hold stops their next device. */
export function BalancesTable() {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const money = useMoney();
  const [page, setPage] = useState(1);
  const query = { page, pageSize: PAGE_SIZE };
  const balances = useQuery({
    queryKey: repairKeys.balances(query),
    queryFn: () => fetchBalances(query),
    placeholderData: keepPreviousData,
  });

  return (
    <Stack gap="sm" component="section" aria-labelledby="fee-balances">
      <div>
        <Title order={2} size="h4" id="fee-balances">
          {t('repairs.fees.balancesTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('repairs.fees.balancesHelp')}
        </Text>
      </div>
      {balances.isPending ? (
        <Loading />
      ) : balances.isError ? (
        <QueryError error={balances.error} onRetry={balances.refetch} />
      ) : balances.data.items.length === 0 ? (
        <Text>{t('repairs.fees.noBalances')}</Text>
      ) : (
        <>
          <Table.ScrollContainer minWidth={680}>
            <Table striped verticalSpacing="sm" data-testid="fee-balances" style={{ opacity: balances.isPlaceholderData ? 0.6 : 1 }}>
              <VisuallyHidden component="caption">{t('repairs.fees.balancesCaption')}</VisuallyHidden>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('repairs.fees.person')}</Table.Th>
                  <Table.Th scope="col">{t('repairs.fees.school')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('repairs.fees.balance')}
                  </Table.Th>
                  <Table.Th scope="col">{t('repairs.fees.lastActivity')}</Table.Th>
                  <Table.Th scope="col">{t('repairs.fees.hold')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {balances.data.items.map((b) => (
                  <Table.Tr key={b.person.id}>
                    <Table.Th scope="row" fw={400}>
                      <Anchor component={Link} to={`/people/${b.person.id}`} fw={600}>
                        {b.person.name}
                      </Anchor>
                      {b.person.identifier ? (
                        <Text size="xs" c="dimmed">
                          {b.person.identifier}
                        </Text>
                      ) : null}
                    </Table.Th>
                    <Table.Td>{b.schoolName ?? '—'}</Table.Td>
                    <Table.Td ta="right">{money(b.balance)}</Table.Td>
                    <Table.Td>{dateTime(b.lastActivityAt)}</Table.Td>
                    <Table.Td>{b.held ? <ToneBadge tone="stop">{t('repairs.fees.held')}</ToneBadge> : '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Pager total={balances.data.total} pageSize={PAGE_SIZE} page={page} onPage={setPage} />
        </>
      )}
    </Stack>
  );
}
