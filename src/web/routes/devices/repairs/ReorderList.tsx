import { Table, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchReorder, repairKeys } from '../../../api/device-repairs';
import { useFormat } from '../../../i18n/format';
import { ToneBadge } from '../DeviceStatusBadge';
import { AttentionPanel } from './AttentionPanel';

/** Sites at or below a part's reorder level, framed in orange while there is anything to order. */
export function ReorderList() {
  const { t } = useTranslation();
  const { number } = useFormat();
  const reorder = useQuery({ queryKey: repairKeys.reorder, queryFn: fetchReorder });
  return (
    <AttentionPanel
      id="parts-reorder"
      title={t('repairs.parts.reorderTitle')}
      help={t('repairs.parts.reorderHelp')}
      empty={t('repairs.parts.noReorder')}
      accent="var(--mantine-color-orange-6)"
      query={reorder}
    >
      {(items) => (
        <Table.ScrollContainer minWidth={600}>
          <Table verticalSpacing="sm" data-testid="parts-reorder">
            <VisuallyHidden component="caption">{t('repairs.parts.reorderCaption')}</VisuallyHidden>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('repairs.parts.name')}</Table.Th>
                <Table.Th scope="col">{t('repairs.parts.sku')}</Table.Th>
                <Table.Th scope="col">{t('repairs.parts.site')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('repairs.parts.onShelf')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('repairs.parts.reorderLevel')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((r) => (
                <Table.Tr key={`${r.partId}:${r.schoolId ?? 'depot'}`}>
                  <Table.Th scope="row">
                    {r.name}{' '}
                    <ToneBadge tone="warn" ml={4}>
                      {t('repairs.parts.reorderBadge')}
                    </ToneBadge>
                  </Table.Th>
                  <Table.Td ff="monospace">{r.sku}</Table.Td>
                  <Table.Td>{r.schoolName ?? t('repairs.parts.depot')}</Table.Td>
                  <Table.Td ta="right">{number(r.quantity)}</Table.Td>
                  <Table.Td ta="right">{number(r.reorderLevel)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </AttentionPanel>
  );
}
