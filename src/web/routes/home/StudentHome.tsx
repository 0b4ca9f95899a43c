import { Anchor, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { fetchPerson } from '../../api/people';
import { Loading } from '../../components/Loading';
import { QueryError } from '../../components/QueryError';
import { useLabels } from '../../i18n/labels';

/** A student's home: their school, grade and classes. */
export function StudentHome({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const { grades } = useLabels();
  const record = useQuery({ queryKey: ['person', personId], queryFn: () => fetchPerson(personId) });
  if (record.isPending) return <Loading />;
  if (record.isError) return <QueryError error={record.error} onRetry={record.refetch} />;
  const p = record.data;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="student-record">
      <Stack gap="sm">
        <Title order={2} size="h3" id="student-record">
          {t('home.student.title')}
        </Title>
        <Text>{[p.schoolName, p.grades.length > 0 ? grades(p.grades) : null].filter(Boolean).join(' · ')}</Text>
        {p.classes.length > 0 ? (
          <>
            <Title order={3} size="h5">
              {t('person.classes')}
            </Title>
            <List>
              {p.classes.map((c) => (
                <List.Item key={c.id}>
                  {c.periods.length > 0 ? `${c.title} (${t('classes.period', { periods: c.periods.join(', ') })})` : c.title}
                </List.Item>
              ))}
            </List>
          </>
        ) : null}
        <Anchor component={Link} to={`/people/${p.id}`}>
          {t('home.student.open')}
        </Anchor>
      </Stack>
    </Paper>
  );
}
