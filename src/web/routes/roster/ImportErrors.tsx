import { Code, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportError } from '../../../shared/api/rostering';

/** Each refusal with its file, row and column, so the SIS export can be fixed at the right place. */
export function ImportErrors({ errors, truncated }: { errors: ImportError[]; truncated: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Table.ScrollContainer minWidth={720}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('roster.file')}</Table.Th>
              <Table.Th scope="col">{t('roster.row')}</Table.Th>
              <Table.Th scope="col">{t('roster.column')}</Table.Th>
              <Table.Th scope="col">{t('roster.value')}</Table.Th>
              <Table.Th scope="col">{t('roster.problem')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {errors.map((e, i) => (
              <Table.Tr key={i}>
                <Table.Td>{e.file}</Table.Td>
                <Table.Td>{e.row ?? ''}</Table.Td>
                <Table.Td>{e.column ?? ''}</Table.Td>
                <Table.Td>{e.value ? <Code>{e.value}</Code> : null}</Table.Td>
                <Table.Td>{e.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {truncated ? (
        <Text size="sm" c="dimmed">
          {t('roster.truncated', { count: errors.length })}
        </Text>
      ) : null}
    </>
  );
}
