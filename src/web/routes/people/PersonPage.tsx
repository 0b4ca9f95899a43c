import { Anchor, Badge, Group, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { fetchPerson } from '../../api/people';
import { isNotFound } from '../../api/errors';
import { can, useMe } from '../../auth/me';
import { Loading } from '../../components/Loading';
import { NotPermitted } from '../../components/NotPermitted';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { useLabels } from '../../i18n/labels';
import { PersonDevicesSection } from '../devices/PersonDevicesSection';
import { personFullName } from './person-name';
import { ChildrenSection, ClassesSection, DemographicsSection, DetailsSection, GuardiansSection } from './PersonSections';

/**
 * A person's record with what the viewer's role allows (the server leaves out the rest). Opening a
 * student's record is written to the audit log by the server. Out-of-scope records answer 404.
 */
export function PersonPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useMe();
  const labels = useLabels();
  const person = useQuery({ queryKey: ['person', id], queryFn: () => fetchPerson(id) });

  if (person.isPending) return <Loading />;
  if (person.isError) {
    if (isNotFound(person.error)) return <NotPermitted />;
    return <QueryError error={person.error} onRetry={person.refetch} />;
  }
  const p = person.data;
  const subtitle = [labels.rosterRole(p.primaryRole), p.schoolName, p.grades.length > 0 ? labels.grades(p.grades) : null]
    .filter(Boolean)
    .join(' · ');

  return (
    <>
      <PageHeader
        title={personFullName(p)}
        description={subtitle}
        above={
          can(me, 'people.read') ? (
            <Anchor component={Link} to="/people" size="sm">
              {t('person.backToDirectory')}
            </Anchor>
          ) : null
        }
        actions={
          p.status !== 'active' ? (
            <Badge color="gray" variant="outline">
              {t('person.inactive')}
            </Badge>
          ) : null
        }
      />
      <Stack gap="lg">
        <DetailsSection person={p} />
        <Group align="stretch" gap="lg" grow wrap="wrap">
          {p.classes.length > 0 ? <ClassesSection classes={p.classes} linkClasses={can(me, 'classes.read')} /> : null}
          {p.guardians.length > 0 ? <GuardiansSection guardians={p.guardians} /> : null}
          {p.children.length > 0 ? <ChildrenSection items={p.children} /> : null}
        </Group>
        {can(me, 'devices.read') ? <PersonDevicesSection personId={p.id} /> : null}
        {p.demographics && Object.keys(p.demographics).length > 0 ? <DemographicsSection demographics={p.demographics} /> : null}
      </Stack>
    </>
  );
}
