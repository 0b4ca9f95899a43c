import { Anchor, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { fetchOverdueLoans, repairKeys } from '../../../api/device-repairs';
import { Loading } from '../../../components/Loading';
import { QueryError } from '../../../components/QueryError';
import { useFormat } from '../../../i18n/format';
import { ToneBadge } from '../DeviceStatusBadge';

/** Loaners past their due date, longest overdue first, framed in red so they stand out. */
export function OverdueLoans() {
  const { t } = useTranslation();
  const { date, dateTime, number } = useFormat();
  const overdue = useQuery({ queryKey: repairKeys.overdue, queryFn: () => fetchOverdueLoans() });
  const items = overdue.data?.items ?? [];
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="section"
      aria-labelledby="overdue-loaners"
      style={items.length > 0 ? { borderColor: 'var(--mantine-color-red-8)', borderLeftWidth: 6 } : undefined}
    >
      <Stack gap="sm">
        <div>
          <Title order={2} size="h4" id="overdue-loaners">
            {t('repairs.loaners.overdueTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('repairs.loaners.overdueHelp')}
          </Text>
        </div>
        {overdue.isPending ? (
          <Loading />
        ) : overdue.isError ? (
          <QueryError error={overdue.error} onRetry={overdue.refetch} />
        ) : items.length === 0 ? (
          <Text>{t('repairs.loaners.noOverdue')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table verticalSpacing="sm" data-testid="overdue-loaners">
              <VisuallyHidden component="caption">{t('repairs.loaners.overdueCaption')}</VisuallyHidden>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('repairs.loaners.device')}</Table.Th>
                  <Table.Th scope="col">{t('repairs.loaners.holder')}</Table.Th>
                  <Table.Th scope="col">{t('repairs.fees.school')}</Table.Th>
                  <Table.Th scope="col">{t('repairs.loaners.lent')}</Table.Th>
                  <Table.Th scope="col">{t('repairs.loaners.due')}</Table.Th>
                  <Table.Th scope="col">{t('repairs.loaners.daysOverdue')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((o) => (
                  <Table.Tr key={o.assignmentId}>
                    <Table.Th scope="row" fw={400}>
                      <Anchor component={Link} to={`/devices/${o.device.id}`} fw={600}>
                        {o.device.assetTag ?? o.device.serial}
                      </Anchor>
                    </Table.Th>
                    <Table.Td>
                      {o.person ? (
                        <Anchor component={Link} to={`/people/${o.person.id}`}>
                          {o.person.name}
                        </Anchor>
                      ) : (
                        o.holder
                      )}
                    </Table.Td>
                    <Table.Td>{o.schoolName ?? '—'}</Table.Td>
                    <Table.Td>{dateTime(o.lentAt)}</Table.Td>
                    <Table.Td>{date(o.dueOn)}</Table.Td>
                    <Table.Td>
                      <ToneBadge tone="stop">
                        {t('repairs.loaners.days', { count: o.daysOverdue, formatted: number(o.daysOverdue) })}
                      </ToneBadge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}
