import { Anchor, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { fetchClass } from '../../api/people';
import { isNotFound } from '../../api/errors';
import { can, useMe } from '../../auth/me';
import { Loading } from '../../components/Loading';
import { NotPermitted } from '../../components/NotPermitted';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { useLabels } from '../../i18n/labels';
import { Section } from '../../components/Section';
import { Roster } from './Roster';

/** A class: its teachers and its students. */
export function ClassPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useMe();
  const labels = useLabels();
  const cls = useQuery({ queryKey: ['class', id], queryFn: () => fetchClass(id) });
  if (cls.isPending) return <Loading />;
  if (cls.isError) return isNotFound(cls.error) ? <NotPermitted /> : <QueryError error={cls.error} onRetry={cls.refetch} />;
  const c = cls.data;
  const details = [
    c.periods.length > 0 ? t('classes.period', { periods: c.periods.join(', ') }) : null,
    c.grades.length > 0 ? labels.grades(c.grades) : null,
    c.subjects.join(', ') || null,
    c.classCode,
  ].filter(Boolean);

  return (
    <>
      <PageHeader
        title={c.title}
        description={details.join(' · ')}
        above={
          <Anchor component={Link} to={`/schools/${c.schoolId}`} size="sm">
            {c.schoolName}
          </Anchor>
        }
      />
      <Stack gap="lg">
        <Section title={t('classes.teachers')}>
          {c.teachers.length === 0 ? (
            <Text>{t('classes.noTeachers')}</Text>
          ) : (
            <Group gap="lg">
              {c.teachers.map((tch) =>
                can(me, 'people.read') ? (
                  <Anchor key={tch.id} component={Link} to={`/people/${tch.id}`}>
                    {tch.name}
                  </Anchor>
                ) : (
                  <Text key={tch.id}>{tch.name}</Text>
                ),
              )}
            </Group>
          )}
        </Section>
        {can(me, 'people.read') ? (
          <Section title={t('classes.students')}>
            <Roster filter={{ classId: c.id, role: 'student' }} caption={t('classes.students')} />
          </Section>
        ) : null}
      </Stack>
    </>
  );
}
