import { Anchor, Table, Text, VisuallyHidden } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { searchPeople, type PeopleSearch } from '../../api/people';
import { Loading } from '../../components/Loading';
import { Pager } from '../../components/Pager';
import { QueryError } from '../../components/QueryError';
import { useFormat } from '../../i18n/format';
import { useLabels } from '../../i18n/labels';
import { personName } from './person-name';
import { PAGE_SIZE, type PeopleSort } from './people-params';
import { SortHeader } from '../../components/SortHeader';

interface PeopleTableProps {
  query: Omit<PeopleSearch, 'pageSize' | 'sort' | 'page'> & { sort: PeopleSort; page: number };
  caption: string;
  onSort: (sort: PeopleSort) => void;
  onPage: (page: number) => void;
}

/** One page of the directory, searched, sorted and paged by the server (fast at 100,000 students). */
export function PeopleTable({ query, caption, onSort, onPage }: PeopleTableProps) {
  const { t } = useTranslation();
  const { number } = useFormat();
  const labels = useLabels();
  const result = useQuery({
    queryKey: ['people', query],
    queryFn: () => searchPeople({ ...query, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });

  if (result.isPending) return <Loading />;
  if (result.isError) return <QueryError error={result.error} onRetry={result.refetch} />;
  const { items, total } = result.data;

  return (
    <>
      <Text role="status" aria-live="polite" size="sm" c="dimmed" mb="xs">
        {t('people.results', { count: total, formatted: number(total) })}
      </Text>
      {items.length === 0 ? (
        <Text py="lg">{t('people.noResults')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover verticalSpacing="sm" style={{ opacity: result.isPlaceholderData ? 0.6 : 1 }}>
            <VisuallyHidden component="caption">{caption}</VisuallyHidden>
            <Table.Thead>
              <Table.Tr>
                <SortHeader column="name" label={t('fields.name')} sort={query.sort} onSort={onSort} />
                <Table.Th scope="col">{t('fields.role')}</Table.Th>
                <SortHeader column="identifier" label={t('fields.identifier')} sort={query.sort} onSort={onSort} />
                <SortHeader column="grade" label={t('fields.grade')} sort={query.sort} onSort={onSort} />
                <SortHeader column="school" label={t('fields.school')} sort={query.sort} onSort={onSort} />
                <Table.Th scope="col">{t('fields.email')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/people/${p.id}`} fw={600}>
                      {personName(p)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{labels.rosterRole(p.primaryRole)}</Table.Td>
                  <Table.Td>{p.identifier ?? ''}</Table.Td>
                  <Table.Td>{labels.grades(p.grades)}</Table.Td>
                  <Table.Td>{p.schoolName ?? ''}</Table.Td>
                  <Table.Td style={{ wordBreak: 'break-all' }}>{p.email ?? ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Pager total={total} pageSize={PAGE_SIZE} page={query.page} onPage={onPage} />
    </>
  );
}
