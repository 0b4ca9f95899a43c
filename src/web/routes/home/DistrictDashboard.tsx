import { lazy, Suspense } from 'react';
import { Paper, SimpleGrid, Skeleton, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchDistrictSummary } from '../../api/people';
import { can, useMe } from '../../auth/me';
import { Loading } from '../../components/Loading';
import { QueryError } from '../../components/QueryError';
import { StatTile } from '../../components/StatTile';
import { SystemsTile } from './SystemsTile';

// The chart library is the heaviest thing on this page: it loads after the figures are already on screen.
const GradeChart = lazy(async () => ({ default: (await import('./GradeChart')).GradeChart }));

/** District-wide figures from the roster (the Organisation & people module): no student is named here. */
export function DistrictDashboard() {
  const { t } = useTranslation();
  const me = useMe();
  const summary = useQuery({ queryKey: ['district-summary'], queryFn: fetchDistrictSummary });
  if (summary.isPending) return <Loading />;
  if (summary.isError) return <QueryError error={summary.error} onRetry={summary.refetch} />;
  const s = summary.data;
  const directory = can(me, 'people.read');

  return (
    <Stack gap="lg" component="section" aria-labelledby="district-figures">
      <Title order={2} size="h3" id="district-figures">
        {t('home.district.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
        <StatTile label={t('home.district.schools')} value={s.schools} to="/schools" />
        <StatTile label={t('home.district.students')} value={s.students} to={directory ? '/people?role=student' : undefined} />
        <StatTile label={t('home.district.staff')} value={s.staff} to={directory ? '/people?role=staff' : undefined} />
        <StatTile label={t('home.district.classes')} value={s.classes} to="/schools" />
      </SimpleGrid>
      <SystemsTile />
      {s.studentsByGrade.length > 0 ? (
        <Paper withBorder p="md" radius="md">
          <Title order={3} size="h4" mb="md" id="grade-chart-title">
            {t('home.district.byGrade')}
          </Title>
          <Suspense fallback={<Skeleton h={300} />}>
            <GradeChart data={s.studentsByGrade} labelledBy="grade-chart-title" />
          </Suspense>
        </Paper>
      ) : null}
    </Stack>
  );
}
