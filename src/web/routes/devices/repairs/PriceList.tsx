import { useState } from 'react';
import { Button, Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchFeePrices, repairKeys, type FeePrice } from '../../../api/device-repairs';
import { Loading } from '../../../components/Loading';
import { QueryError } from '../../../components/QueryError';
import { ToneBadge } from '../DeviceStatusBadge';
import { useMoney } from '../money';
import { AddPriceModal } from './AddPriceModal';
import { EditPriceModal } from './EditPriceModal';

/** The district's price list: by kind of damage or by part, with free occurrences per school year. */
export function PriceList({ manage }: { manage: boolean }) {
  const { t } = useTranslation();
  const money = useMoney();
  const prices = useQuery({ queryKey: repairKeys.prices, queryFn: fetchFeePrices });
  const [dialog, setDialog] = useState<'add' | FeePrice | null>(null);

  return (
    <Stack gap="sm" component="section" aria-labelledby="fee-prices">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2} size="h4" id="fee-prices">
            {t('repairs.fees.pricesTitle')}
          </Title>
          <Text size="sm" c="dimmed" maw={720}>
            {t('repairs.fees.pricesHelp')}
          </Text>
        </div>
        {manage ? <Button onClick={() => setDialog('add')}>{t('repairs.fees.add')}</Button> : null}
      </Group>
      {prices.isPending ? (
        <Loading />
      ) : prices.isError ? (
        <QueryError error={prices.error} onRetry={prices.refetch} />
      ) : prices.data.items.length === 0 ? (
        <Text>{t('repairs.fees.noPrices')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={680}>
          <Table striped verticalSpacing="sm" data-testid="fee-prices">
            <VisuallyHidden component="caption">{t('repairs.fees.pricesCaption')}</VisuallyHidden>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('repairs.fees.name')}</Table.Th>
                <Table.Th scope="col">{t('repairs.fees.pricedBy')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('repairs.fees.amount')}
                </Table.Th>
                <Table.Th scope="col">{t('repairs.fees.freePerYear')}</Table.Th>
                <Table.Th scope="col">{t('repairs.fees.state')}</Table.Th>
                {manage ? <Table.Th scope="col">{t('repairs.fees.actions')}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {prices.data.items.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Th scope="row">
                    {p.name}
                    <Text size="xs" c="dimmed" fw={400} lang={p.nameEs ? 'es' : undefined}>
                      {p.nameEs ?? t('repairs.fees.noNameEs')}
                    </Text>
                  </Table.Th>
                  <Table.Td>
                    {p.damageKind ? t(`repairs.kinds.${p.damageKind}`) : t('repairs.fees.partPrefix', { part: p.partName ?? '—' })}
                  </Table.Td>
                  <Table.Td ta="right">{money(p.amount)}</Table.Td>
                  <Table.Td>
                    {p.freePerYear > 0 ? t('repairs.fees.freeCount', { count: p.freePerYear }) : t('repairs.fees.noneFree')}
                  </Table.Td>
                  <Table.Td>
                    {p.active ? (
                      <ToneBadge tone="ok">{t('repairs.fees.active')}</ToneBadge>
                    ) : (
                      <ToneBadge tone="muted">{t('repairs.fees.inactive')}</ToneBadge>
                    )}
                  </Table.Td>
                  {manage ? (
                    <Table.Td>
                      <Button
                        size="compact-sm"
                        variant="default"
                        onClick={() => setDialog(p)}
                        aria-label={t('repairs.fees.editLabel', { name: p.name })}
                      >
                        {t('repairs.fees.edit')}
                      </Button>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {dialog === 'add' ? <AddPriceModal onClose={() => setDialog(null)} /> : null}
      {dialog && dialog !== 'add' ? <EditPriceModal price={dialog} onClose={() => setDialog(null)} /> : null}
    </Stack>
  );
}
