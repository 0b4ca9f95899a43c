import type { ReactNode } from 'react';
import { Anchor, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { addIncidentUpdate, fetchIncident, incidentKeys, type Incident, type IncidentUpdateCreate } from '../../api/incidents';
import { can, useMe } from '../../auth/me';
import { RequirePermission } from '../../auth/RequirePermission';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { Section } from '../../components/Section';
import { useFormat } from '../../i18n/format';
import { useDuration, useIncidentTitle, useSystemChoices } from './incident-format';
import { ImpactBadge, StatusBadge } from './IncidentBadges';
import { IncidentTimeline } from './IncidentTimeline';
import { IncidentUpdateForm } from './IncidentUpdateForm';
import { PostmortemSection } from './PostmortemSection';
import { notify } from '../../components/notify';

/** One incident: its facts, the timeline of updates, posting the next update, and the postmortem. */
export function IncidentPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const incident = useQuery({ queryKey: incidentKeys.detail(id), queryFn: () => fetchIncident(id), refetchInterval: 30_000 });
  return (
    <RequirePermission anyOf={['systems.read']}>
      {incident.isPending ? (
        <Loading />
      ) : incident.isError ? (
        <>
          <PageHeader title={t('incidents.title')} above={<BackLink />} />
          <QueryError error={incident.error} onRetry={incident.refetch} />
        </>
      ) : (
        <IncidentView incident={incident.data} />
      )}
    </RequirePermission>
  );
}

function BackLink() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to="/incidents" size="sm">
      {t('incidents.back')}
    </Anchor>
  );
}

function IncidentView({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const title = useIncidentTitle();
  const canManage = can(me, 'incidents.manage');

  const post = async (body: IncidentUpdateCreate, message: string) => {
    const updated = await addIncidentUpdate(incident.id, body);
    queryClient.setQueryData(incidentKeys.detail(incident.id), updated);
    notify(t, { color: 'green', message });
    await queryClient.invalidateQueries({ queryKey: incidentKeys.all });
  };

  return (
    <>
      <PageHeader
        title={title(incident)}
        above={<BackLink />}
        description={
          <Group gap="xs" component="span">
            <StatusBadge status={incident.status} />
            <ImpactBadge impact={incident.impact} />
            <Text span size="sm" c="dimmed">
              {incident.automatic ? t('incidents.automatic') : t('incidents.byHand')}
            </Text>
          </Group>
        }
      />
      <Stack gap="lg">
        <IncidentFacts incident={incident} />
        <Section title={t('incidents.timeline.title')}>
          <IncidentTimeline updates={incident.updates} />
        </Section>
        {canManage ? (
          <Section title={t('incidents.update.title')}>
            <IncidentUpdateForm
              key={`${incident.status}:${incident.updates.length}`}
              incident={incident}
              onPost={(body) => post(body, body.status === 'resolved' ? t('incidents.update.resolved') : t('incidents.update.posted'))}
            />
          </Section>
        ) : null}
        <PostmortemSection
          key={incident.postmortem ?? ''}
          incident={incident}
          canEdit={canManage}
          onSave={(postmortem) => post({ postmortem }, t('incidents.postmortem.saved'))}
        />
      </Stack>
    </>
  );
}

function IncidentFacts({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const duration = useDuration();
  const systems = useSystemChoices();
  const facts: [string, ReactNode][] = [
    [t('incidents.facts.started'), dateTime(incident.startedAt)],
    [t('incidents.facts.detected'), dateTime(incident.detectedAt)],
    [t('incidents.facts.resolved'), incident.resolvedAt ? dateTime(incident.resolvedAt) : t('incidents.facts.notYet')],
    [t('incidents.facts.ttd'), duration(incident.timeToDetectSeconds)],
    [
      t('incidents.facts.ttr'),
      incident.timeToResolveSeconds !== null
        ? duration(incident.timeToResolveSeconds)
        : t('incidents.ongoingFor', { duration: duration((Date.now() - Date.parse(incident.startedAt)) / 1000) }),
    ],
    [t('incidents.facts.systems'), incident.systemIds.map((id) => systems.name(id)).join(', ')],
  ];
  return (
    <Section title={t('incidents.facts.title')}>
      <SimpleGrid component="dl" cols={{ base: 1, xs: 2, md: 3 }} spacing="md" style={{ margin: 0 }}>
        {facts.map(([label, value]) => (
          <div key={label}>
            <Text component="dt" size="sm" c="dimmed" fw={600}>
              {label}
            </Text>
            <Text component="dd" m={0} fw={500}>
              {value}
            </Text>
          </div>
        ))}
      </SimpleGrid>
    </Section>
  );
}
