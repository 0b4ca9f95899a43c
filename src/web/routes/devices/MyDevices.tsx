import { Alert, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { deviceKeys, fetchMyDevices } from '../../api/devices';
import { QueryError } from '../../components/QueryError';
import { useFormat } from '../../i18n/format';
import { accessoryName } from './accessory-name';
import { feeLineText } from './fee-line';
import { useMoney } from './money';

/**
 * What a student or a family sees of school devices: the device each child has, the signed
 * agreement, repairs in progress and the fee statement. The server answers only for the
 * signed-in person and their own children.
 */
export function MyDevices() {
  const { t, i18n } = useTranslation();
  const { date, dateTime } = useFormat();
  const money = useMoney();
  const mine = useQuery({ queryKey: deviceKeys.mine, queryFn: fetchMyDevices });
  if (mine.isPending) return null;
  if (mine.isError) return <QueryError error={mine.error} onRetry={mine.refetch} />;
  const items = mine.data.items.filter((i) => i.devices.length > 0 || i.repairs.length > 0 || i.fees.lines.length > 0);
  if (items.length === 0) return null;

  return (
    <Stack gap="md" component="section" aria-labelledby="my-devices">
      <Title order={2} size="h3" id="my-devices">
        {t('devices.mine.title')}
      </Title>
      {items.map((item) => (
        <Paper key={item.person.id} withBorder p="md" radius="md">
          <Stack gap="sm">
            {mine.data.items.length > 1 ? (
              <Title order={3} size="h4">
                {item.person.name}
              </Title>
            ) : null}
            {item.devices.map((d) => (
              <div key={d.serial}>
                <Text fw={600}>
                  {d.kind === 'loaner'
                    ? t('devices.mine.loaner', { tag: d.assetTag ?? d.serial })
                    : t('devices.mine.device', { tag: d.assetTag ?? d.serial })}
                  {d.modelName ? ` · ${d.modelName}` : ''}
                </Text>
                <Text size="sm">
                  {t('devices.mine.since', { date: date(d.checkedOutAt) })}
                  {d.accessories.length > 0
                    ? ` · ${t('devices.mine.with', { items: d.accessories.map((a) => accessoryName(t, a)).join(', ') })}`
                    : ''}
                  {d.dueOn ? ` · ${t('devices.mine.due', { date: date(d.dueOn) })}` : ''}
                </Text>
              </div>
            ))}
            <Text size="sm">
              {item.agreement
                ? t('devices.mine.agreement', { version: item.agreement.version, date: date(item.agreement.signedAt) })
                : t('devices.mine.noAgreement')}
            </Text>
            {item.repairs.map((r) => (
              <Alert key={r.id} color={r.status === 'ready_for_pickup' ? 'green' : 'blue'} title={t(`devices.mine.repair.${r.status}`)}>
                {t('devices.mine.repairBody', { tag: r.assetTag ?? '', date: dateTime(r.openedAt) })}
              </Alert>
            ))}
            {item.fees.lines.length > 0 ? (
              <>
                <Text fw={600}>{t('devices.mine.balance', { amount: money(item.fees.balance) })}</Text>
                <Table.ScrollContainer minWidth={480}>
                  <Table striped>
                    <Table.Caption>{t('devices.mine.statement')}</Table.Caption>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t('devices.mine.columns.date')}</Table.Th>
                        <Table.Th scope="col">{t('devices.mine.columns.what')}</Table.Th>
                        <Table.Th scope="col" ta="right">
                          {t('devices.mine.columns.amount')}
                        </Table.Th>
                        <Table.Th scope="col" ta="right">
                          {t('devices.mine.columns.balance')}
                        </Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {item.fees.lines.map((l, i) => (
                        <Table.Tr key={i}>
                          <Table.Td>{date(l.at)}</Table.Td>
                          <Table.Td>{feeLineText(t, l, i18n.language)}</Table.Td>
                          <Table.Td ta="right">{l.kind === 'charge' ? money(l.amount) : `−${money(l.amount)}`}</Table.Td>
                          <Table.Td ta="right">{money(l.balance)}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </>
            ) : null}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
