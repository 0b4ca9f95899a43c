import { Anchor, Paper, SimpleGrid, Stack, Title } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { fetchSchool } from '../../api/people';
import { Loading } from '../../components/Loading';
import { QueryError } from '../../components/QueryError';
import { StatTile } from '../../components/StatTile';

/** A principal's home: the figures of the school (or schools) they lead. */
export function PrincipalHome({ schoolIds }: { schoolIds: string[] }) {
  const { t } = useTranslation();
  const schools = useQueries({
    queries: schoolIds.map((id) => ({ queryKey: ['school', id], queryFn: () => fetchSchool(id) })),
  });
  return (
    <Stack gap="lg">
      {schools.map((q, i) => {
        if (q.isPending) return <Loading key={schoolIds[i]} />;
        if (q.isError) return <QueryError key={schoolIds[i]} error={q.error} onRetry={q.refetch} />;
        const s = q.data;
        const headingId = `school-${s.id}`;
        return (
          <Paper key={s.id} withBorder p="md" radius="md" component="section" aria-labelledby={headingId}>
            <Title order={2} size="h3" id={headingId} mb="md">
              {s.name}
            </Title>
            <SimpleGrid cols={{ base: 1, xs: 3 }} mb="md">
              <StatTile label={t('home.district.students')} value={s.studentCount} to={`/people?role=student&schoolId=${s.id}`} />
              <StatTile label={t('home.district.staff')} value={s.staffCount} to={`/people?role=staff&schoolId=${s.id}`} />
              <StatTile label={t('home.district.classes')} value={s.classCount} to={`/schools/${s.id}`} />
            </SimpleGrid>
            <Anchor component={Link} to={`/schools/${s.id}`}>
              {t('home.principal.openSchool', { school: s.name })}
            </Anchor>
          </Paper>
        );
      })}
    </Stack>
  );
}
