import { useState } from 'react';
import { Anchor, Button, Group, Pagination, Stack, Text } from '@mantine/core';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { fetchIncidents, incidentKeys, openIncident } from '../../api/incidents';
import { can, useMe } from '../../auth/me';
import { RequirePermission } from '../../auth/RequirePermission';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { Section } from '../../components/Section';
import { useFormat } from '../../i18n/format';
import { IncidentStats } from './IncidentStats';
import { IncidentsTable } from './IncidentsTable';
import { OpenIncidentModal } from './OpenIncidentModal';
import { notify } from '../../components/notify';

const PAGE_SIZE = 20;
const OPEN_LIMIT = 200;

/** Incidents: the open ones first, then the resolved ones page by page, and the monthly figures. */
export function IncidentsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [opening, setOpening] = useState(false);

  return (
    <RequirePermission anyOf={['systems.read']}>
      <PageHeader
        title={t('incidents.title')}
        description={
          <>
            {t('incidents.description')}{' '}
            <Anchor component={Link} to="/maintenance" underline="always">
              {t('incidents.maintenanceLink')}
            </Anchor>
          </>
        }
        actions={can(me, 'incidents.manage') ? <Button onClick={() => setOpening(true)}>{t('incidents.open.button')}</Button> : null}
      />
      <Stack gap="lg">
        <OpenIncidents />
        <ResolvedIncidents />
        <IncidentStats />
      </Stack>
      {opening ? (
        <OpenIncidentModal
          onClose={() => setOpening(false)}
          onOpen={async (body) => {
            const incident = await openIncident(body);
            setOpening(false);
            notify(t, { color: 'green', message: t('incidents.open.done') });
            await queryClient.invalidateQueries({ queryKey: incidentKeys.all });
            await navigate(`/incidents/${incident.id}`);
          }}
        />
      ) : null}
    </RequirePermission>
  );
}

function OpenIncidents() {
  const { t } = useTranslation();
  const query = { state: 'open' as const, limit: OPEN_LIMIT };
  const open = useQuery({ queryKey: incidentKeys.list(query), queryFn: () => fetchIncidents(query), refetchInterval: 30_000 });
  return (
    <Section title={t('incidents.openTitle')}>
      {open.isPending ? (
        <Loading />
      ) : open.isError ? (
        <QueryError error={open.error} onRetry={open.refetch} />
      ) : open.data.items.length === 0 ? (
        <Text c="dimmed">{t('incidents.noneOpen')}</Text>
      ) : (
        <IncidentsTable incidents={open.data.items} caption={t('incidents.openTitle')} />
      )}
    </Section>
  );
}

function ResolvedIncidents() {
  const { t } = useTranslation();
  const { number } = useFormat();
  const [page, setPage] = useState(1);
  const query = { state: 'resolved' as const, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE };
  const resolved = useQuery({
    queryKey: incidentKeys.list(query),
    queryFn: () => fetchIncidents(query),
    placeholderData: keepPreviousData,
  });
  return (
    <Section title={t('incidents.resolvedTitle')}>
      {resolved.isPending ? (
        <Loading />
      ) : resolved.isError ? (
        <QueryError error={resolved.error} onRetry={resolved.refetch} />
      ) : resolved.data.total === 0 ? (
        <Text c="dimmed">{t('incidents.noneResolved')}</Text>
      ) : (
        <>
          <Text size="sm" c="dimmed" mb="xs">
            {t('incidents.resolvedCount', { count: resolved.data.total, formatted: number(resolved.data.total) })}
          </Text>
          <IncidentsTable incidents={resolved.data.items} caption={t('incidents.resolvedTitle')} />
          {resolved.data.total > PAGE_SIZE ? (
            <Group justify="center" mt="md">
              <Pagination
                total={Math.ceil(resolved.data.total / PAGE_SIZE)}
                value={page}
                onChange={setPage}
                getControlProps={(control) => ({ 'aria-label': t(`pagination.${control}`) })}
                getItemProps={(p) => ({ 'aria-label': t('pagination.page', { page: p }) })}
              />
            </Group>
          ) : null}
        </>
      )}
    </Section>
  );
}
