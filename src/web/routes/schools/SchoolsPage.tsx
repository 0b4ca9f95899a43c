import { Anchor, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { fetchSchools } from '../../api/people';
import { RequirePermission } from '../../auth/RequirePermission';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { useFormat } from '../../i18n/format';
import { useLabels } from '../../i18n/labels';

/** The first step of the directory: schools, then their classes, then students and staff. */
export function SchoolsPage() {
  const { t } = useTranslation();
  const { number } = useFormat();
  const labels = useLabels();
  const schools = useQuery({ queryKey: ['schools'], queryFn: fetchSchools });
  return (
    <RequirePermission anyOf={['schools.read']}>
      <PageHeader title={t('schools.title')} description={t('schools.description')} />
      {schools.isPending ? (
        <Loading />
      ) : schools.isError ? (
        <QueryError error={schools.error} onRetry={schools.refetch} />
      ) : schools.data.length === 0 ? (
        <Text>{t('schools.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('fields.school')}</Table.Th>
                <Table.Th scope="col">{t('fields.grades')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('home.district.students')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('home.district.staff')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('home.district.classes')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {schools.data.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/schools/${s.id}`} fw={600}>
                      {s.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{gradeRange(s.grades, labels.grade)}</Table.Td>
                  <Table.Td ta="right">{number(s.studentCount)}</Table.Td>
                  <Table.Td ta="right">{number(s.staffCount)}</Table.Td>
                  <Table.Td ta="right">{number(s.classCount)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </RequirePermission>
  );
}

/** "Grade 9 – Grade 12" rather than four separate grades. */
export function gradeRange(grades: string[], label: (g: string) => string): string {
  if (grades.length === 0) return '';
  if (grades.length === 1) return label(grades[0]!);
  return `${label(grades[0]!)} – ${label(grades[grades.length - 1]!)}`;
}
