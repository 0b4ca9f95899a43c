import { Anchor, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { fetchClasses } from '../../api/people';
import { Loading } from '../../components/Loading';
import { QueryError } from '../../components/QueryError';
import { useFormat } from '../../i18n/format';

/** A school's classes (a teacher's list holds only their own). */
export function ClassesTable({ schoolId }: { schoolId: string }) {
  const { t } = useTranslation();
  const { number } = useFormat();
  const classes = useQuery({ queryKey: ['classes', { schoolId }], queryFn: () => fetchClasses({ schoolId }) });
  if (classes.isPending) return <Loading />;
  if (classes.isError) return <QueryError error={classes.error} onRetry={classes.refetch} />;
  if (classes.data.length === 0) return <Text>{t('classes.none')}</Text>;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('fields.class')}</Table.Th>
            <Table.Th scope="col">{t('fields.period')}</Table.Th>
            <Table.Th scope="col">{t('classes.teachers')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('home.district.students')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {classes.data.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>
                <Anchor component={Link} to={`/classes/${c.id}`} fw={600}>
                  {c.title}
                </Anchor>
                {c.courseTitle && c.courseTitle !== c.title ? (
                  <Text size="xs" c="dimmed">
                    {c.courseTitle}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>{c.periods.join(', ')}</Table.Td>
              <Table.Td>{c.teachers.map((tch) => tch.name).join(', ')}</Table.Td>
              <Table.Td ta="right">{number(c.studentCount)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
