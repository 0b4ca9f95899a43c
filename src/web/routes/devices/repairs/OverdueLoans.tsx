import { Anchor, Table, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { fetchOverdueLoans, repairKeys } from '../../../api/device-repairs';
import { useFormat } from '../../../i18n/format';
import { ToneBadge } from '../DeviceStatusBadge';
import { AttentionPanel } from './AttentionPanel';

/** Loaners past their due date, longest overdue first, framed in red so they stand out. */
export function OverdueLoans() {
  const { t } = useTranslation();
  const { date, dateTime, number } = useFormat();
  const overdue = useQuery({ queryKey: repairKeys.overdue, queryFn: () => fetchOverdueLoans() });
  return (
    <AttentionPanel
      id="overdue-loaners"
      title={t('repairs.loaners.overdueTitle')}
      help={t('repairs.loaners.overdueHelp')}
      empty={t('repairs.loaners.noOverdue')}
      accent="var(--mantine-color-red-8)"
      query={overdue}
    >
      {(items) => (
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
    </AttentionPanel>
  );
}
