import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { rosterFileTypes, type ImportCounts as Counts } from '../../../shared/api/rostering';
import { useFormat } from '../../i18n/format';

const order: string[] = [...rosterFileTypes, 'guardianLinks'];
const isKnownType = (k: string): k is (typeof rosterFileTypes)[number] | 'guardianLinks' => order.includes(k);

/** What the import changed, per OneRoster file. */
export function ImportCounts({ counts }: { counts: Counts }) {
  const { t } = useTranslation();
  const { number } = useFormat();
  const rows = Object.entries(counts).sort(([a], [b]) => order.indexOf(a) - order.indexOf(b));
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('roster.record')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('roster.created')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('roster.updated')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('roster.deactivated')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('roster.unchanged')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(([type, c]) => (
            <Table.Tr key={type}>
              <Table.Th scope="row" fw={500}>
                {isKnownType(type) ? t(`roster.types.${type}`) : type}
              </Table.Th>
              <Table.Td ta="right">{number(c.created)}</Table.Td>
              <Table.Td ta="right">{number(c.updated)}</Table.Td>
              <Table.Td ta="right">{number(c.deactivated)}</Table.Td>
              <Table.Td ta="right">{number(c.unchanged)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
