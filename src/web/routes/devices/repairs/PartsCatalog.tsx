import { useState } from 'react';
import { Button, Group, List, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchParts, repairKeys, type Part } from '../../../api/device-repairs';
import { Loading } from '../../../components/Loading';
import { QueryError } from '../../../components/QueryError';
import { useFormat } from '../../../i18n/format';
import { ToneBadge } from '../DeviceStatusBadge';
import { useMoney } from '../money';
import { AddPartModal } from './AddPartModal';
import { StockModal } from './StockModal';

/** The parts catalog: cost, reorder level, and what each site has on the shelf. */
export function PartsCatalog({ manage }: { manage: boolean }) {
  const { t } = useTranslation();
  const { number } = useFormat();
  const money = useMoney();
  const parts = useQuery({ queryKey: repairKeys.parts, queryFn: () => fetchParts() });
  const [dialog, setDialog] = useState<'add' | Part | null>(null);

  return (
    <Stack gap="sm" component="section" aria-labelledby="parts-catalog">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2} size="h4" id="parts-catalog">
            {t('repairs.parts.catalogTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('repairs.parts.catalogHelp')}
          </Text>
        </div>
        {manage ? <Button onClick={() => setDialog('add')}>{t('repairs.parts.add')}</Button> : null}
      </Group>
      {parts.isPending ? (
        <Loading />
      ) : parts.isError ? (
        <QueryError error={parts.error} onRetry={parts.refetch} />
      ) : parts.data.items.length === 0 ? (
        <Text>{t('repairs.parts.noParts')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped verticalSpacing="sm" data-testid="parts-catalog">
            <VisuallyHidden component="caption">{t('repairs.parts.catalogCaption')}</VisuallyHidden>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('repairs.parts.name')}</Table.Th>
                <Table.Th scope="col">{t('repairs.parts.sku')}</Table.Th>
                <Table.Th scope="col">{t('repairs.parts.model')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('repairs.parts.cost')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('repairs.parts.reorderLevel')}
                </Table.Th>
                <Table.Th scope="col">{t('repairs.parts.stock')}</Table.Th>
                {manage ? <Table.Th scope="col">{t('repairs.parts.actions')}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {parts.data.items.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Th scope="row">{p.name}</Table.Th>
                  <Table.Td ff="monospace">{p.sku}</Table.Td>
                  <Table.Td>{p.modelName ?? t('repairs.parts.anyModel')}</Table.Td>
                  <Table.Td ta="right">{money(p.cost)}</Table.Td>
                  <Table.Td ta="right">{number(p.reorderLevel)}</Table.Td>
                  <Table.Td>
                    {p.stock.length === 0 ? (
                      t('repairs.parts.noStock')
                    ) : (
                      <List size="sm" listStyleType="none" spacing={2}>
                        {p.stock.map((s) => (
                          <List.Item key={s.schoolId ?? 'depot'}>
                            {t('repairs.parts.siteStock', { site: s.schoolName ?? t('repairs.parts.depot'), quantity: number(s.quantity) })}
                            {s.belowReorder ? (
                              <ToneBadge tone="warn" ml={6} size="sm">
                                {t('repairs.parts.low')}
                              </ToneBadge>
                            ) : null}
                          </List.Item>
                        ))}
                      </List>
                    )}
                  </Table.Td>
                  {manage ? (
                    <Table.Td>
                      <Button
                        size="compact-sm"
                        variant="default"
                        onClick={() => setDialog(p)}
                        aria-label={t('repairs.parts.setStockLabel', { part: p.name })}
                      >
                        {t('repairs.parts.setStock')}
                      </Button>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {dialog === 'add' ? <AddPartModal onClose={() => setDialog(null)} /> : null}
      {dialog && dialog !== 'add' ? <StockModal part={dialog} onClose={() => setDialog(null)} /> : null}
    </Stack>
  );
}
