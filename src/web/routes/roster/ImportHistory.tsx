import { useState } from 'react';
import { Button, Group, Pagination, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchImports } from '../../api/rostering';
import { Loading } from '../../components/Loading';
import { QueryError } from '../../components/QueryError';
import { Section } from '../../components/Section';
import { useFormat } from '../../i18n/format';

const PAGE_SIZE = 10;

/** Every import of the district, newest first: who, when, which file, and how it ended. */
export function ImportHistory({ shown, onShow }: { shown: string | null; onShow: (id: string) => void }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const [page, setPage] = useState(1);
  const history = useQuery({
    queryKey: ['roster-imports', page],
    queryFn: () => fetchImports(page, PAGE_SIZE),
    placeholderData: keepPreviousData,
    // While one runs, keep its row's status current.
    refetchInterval: (q) => (q.state.data?.items.some((i) => i.status === 'queued' || i.status === 'running') ? 2000 : false),
  });
  return (
    <Section title={t('roster.historyTitle')}>
      {history.isPending ? (
        <Loading />
      ) : history.isError ? (
        <QueryError error={history.error} onRetry={history.refetch} />
      ) : history.data.items.length === 0 ? (
        <Text>{t('roster.none')}</Text>
      ) : (
        <>
          <Table.ScrollContainer minWidth={720}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('admin.audit.when')}</Table.Th>
                  <Table.Th scope="col">{t('admin.audit.actor')}</Table.Th>
                  <Table.Th scope="col">{t('roster.file')}</Table.Th>
                  <Table.Th scope="col">{t('fields.status')}</Table.Th>
                  <Table.Th scope="col">{t('common.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {history.data.items.map((i) => (
                  <Table.Tr key={i.id}>
                    <Table.Td>{dateTime(i.createdAt)}</Table.Td>
                    <Table.Td style={{ wordBreak: 'break-all' }}>{i.actorLabel}</Table.Td>
                    <Table.Td>{i.fileName ?? t(`roster.sources.${i.source}`)}</Table.Td>
                    <Table.Td>{t(`roster.statuses.${i.status}`)}</Table.Td>
                    <Table.Td>
                      <Button size="xs" variant="default" disabled={shown === i.id} onClick={() => onShow(i.id)}>
                        {t('roster.show')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {history.data.total > PAGE_SIZE ? (
            <Group justify="center" mt="md">
              <Pagination
                total={Math.ceil(history.data.total / PAGE_SIZE)}
                value={page}
                onChange={setPage}
                getControlProps={(control) => ({ 'aria-label': t(`pagination.${control}`) })}
                getItemProps={(p) => ({ 'aria-label': t('pagination.page', { page: p }) })}
              />
            </Group>
          ) : null}
        </>
      )}
    </Section>
  );
}
