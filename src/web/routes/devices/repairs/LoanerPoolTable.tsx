import { Anchor, Button, Table } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { LoanerPoolItem } from '../../../api/device-repairs';
import { useFormat } from '../../../i18n/format';
import { DeviceStatusBadge, ToneBadge } from '../DeviceStatusBadge';

/** One school's pool: which loaners can go out now, and who has the others until when. */
export function LoanerPoolTable({
  school,
  items,
  onRemove,
}: {
  school: string;
  items: LoanerPoolItem[];
  onRemove?: (item: LoanerPoolItem) => void;
}) {
  const { t } = useTranslation();
  const { date } = useFormat();
  const out = items.filter((i) => i.loan).length;
  const available = items.filter((i) => !i.loan && i.device.status === 'in_stock').length;

  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped verticalSpacing="sm" data-testid="loaner-pool">
        <Table.Caption style={{ captionSide: 'top', textAlign: 'start', fontWeight: 600 }}>
          {t('repairs.loaners.poolCaption', { school, available, out })}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('repairs.loaners.device')}</Table.Th>
            <Table.Th scope="col">{t('repairs.loaners.model')}</Table.Th>
            <Table.Th scope="col">{t('repairs.loaners.state')}</Table.Th>
            <Table.Th scope="col">{t('repairs.loaners.lentTo')}</Table.Th>
            <Table.Th scope="col">{t('repairs.loaners.due')}</Table.Th>
            {onRemove ? <Table.Th scope="col">{t('repairs.fees.actions')}</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => {
            const tag = item.device.assetTag ?? item.device.serial;
            const loan = item.loan;
            return (
              <Table.Tr key={item.device.id}>
                <Table.Th scope="row" fw={400}>
                  <Anchor component={Link} to={`/devices/${item.device.id}`} fw={600}>
                    {tag}
                  </Anchor>
                </Table.Th>
                <Table.Td>{item.device.modelName ?? '—'}</Table.Td>
                <Table.Td>
                  {loan ? (
                    <ToneBadge tone="teal">{t('repairs.loaners.out')}</ToneBadge>
                  ) : item.device.status === 'in_stock' ? (
                    <ToneBadge tone="ok">{t('repairs.loaners.available')}</ToneBadge>
                  ) : (
                    <DeviceStatusBadge status={item.device.status} />
                  )}
                </Table.Td>
                <Table.Td>
                  {loan?.person ? (
                    <Anchor component={Link} to={`/people/${loan.person.id}`}>
                      {loan.person.name}
                    </Anchor>
                  ) : (
                    (item.device.assignee?.name ?? '—')
                  )}
                </Table.Td>
                <Table.Td>
                  {loan?.dueOn ? date(loan.dueOn) : '—'}
                  {loan?.overdue ? (
                    <ToneBadge tone="stop" ml="xs">
                      {t('repairs.loaners.overdueBadge')}
                    </ToneBadge>
                  ) : null}
                </Table.Td>
                {onRemove ? (
                  <Table.Td>
                    <Button
                      size="compact-sm"
                      variant="default"
                      onClick={() => onRemove(item)}
                      aria-label={t('repairs.loaners.removeLabel', { tag })}
                    >
                      {t('repairs.loaners.remove')}
                    </Button>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
