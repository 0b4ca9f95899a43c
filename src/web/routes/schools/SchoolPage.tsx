import { useState } from 'react';
import { Anchor, SimpleGrid, Stack, Tabs } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { fetchSchool } from '../../api/people';
import { isNotFound } from '../../api/errors';
import { can, useMe } from '../../auth/me';
import { Loading } from '../../components/Loading';
import { NotPermitted } from '../../components/NotPermitted';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { StatTile } from '../../components/StatTile';
import { useLabels } from '../../i18n/labels';
import { ClassesTable } from './ClassesTable';
import { Roster } from './Roster';
import { gradeRange } from './SchoolsPage';

type Tab = 'classes' | 'students' | 'staff';

/** One school: its figures, then its classes, students and staff (each tab only for roles that may see it). */
export function SchoolPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useMe();
  const labels = useLabels();
  const school = useQuery({ queryKey: ['school', id], queryFn: () => fetchSchool(id) });
  const tabs: Tab[] = [
    ...(can(me, 'classes.read') ? (['classes'] as const) : []),
    ...(can(me, 'people.read') ? (['students'] as const) : []),
    ...(can(me, 'people.read') && can(me, 'staff.read') ? (['staff'] as const) : []),
  ];
  const [tab, setTab] = useState<string | null>(tabs[0] ?? null);

  if (school.isPending) return <Loading />;
  if (school.isError) return isNotFound(school.error) ? <NotPermitted /> : <QueryError error={school.error} onRetry={school.refetch} />;
  const s = school.data;

  return (
    <>
      <PageHeader
        title={s.name}
        description={[gradeRange(s.grades, labels.grade), s.address].filter(Boolean).join(' · ')}
        above={
          <Anchor component={Link} to="/schools" size="sm">
            {t('schools.back')}
          </Anchor>
        }
      />
      <Stack gap="lg">
        <SimpleGrid cols={{ base: 1, xs: 3 }}>
          <StatTile label={t('home.district.students')} value={s.studentCount} />
          <StatTile label={t('home.district.staff')} value={s.staffCount} />
          <StatTile label={t('home.district.classes')} value={s.classCount} />
        </SimpleGrid>
        {tabs.length > 0 ? (
          <Tabs value={tab} onChange={setTab} keepMounted={false}>
            <Tabs.List>
              {tabs.map((k) => (
                <Tabs.Tab key={k} value={k}>
                  {t(`schools.tabs.${k}`)}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            <Tabs.Panel value="classes" pt="md">
              <ClassesTable schoolId={s.id} />
            </Tabs.Panel>
            <Tabs.Panel value="students" pt="md">
              <Roster filter={{ schoolId: s.id, role: 'student' }} caption={t('schools.tabs.students')} />
            </Tabs.Panel>
            <Tabs.Panel value="staff" pt="md">
              <Roster filter={{ schoolId: s.id, role: 'staff' }} caption={t('schools.tabs.staff')} />
            </Tabs.Panel>
          </Tabs>
        ) : null}
      </Stack>
    </>
  );
}
