import { useState } from 'react';
import { Anchor, Button, Group, Pagination, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  createMaintenance,
  deleteMaintenance,
  fetchMaintenance,
  maintenanceKeys,
  updateMaintenance,
  type MaintenanceWindow,
} from '../../api/incidents';
import { can, useMe } from '../../auth/me';
import { RequirePermission } from '../../auth/RequirePermission';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { Section } from '../../components/Section';
import { DeleteMaintenanceModal } from './DeleteMaintenanceModal';
import { isPast, useMaintenanceFormat } from './maintenance-format';
import { MaintenanceFormModal } from './MaintenanceFormModal';
import { MaintenanceTable } from './MaintenanceTable';
import { notify } from '../../components/notify';

const PAGE_SIZE = 10;

/** Planned maintenance: no alerts while a window is open, and the status page says "maintenance". */
export function MaintenancePage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const canManage = can(me, 'systems.manage');
  const queryClient = useQueryClient();
  const fmt = useMaintenanceFormat();
  const windows = useQuery({ queryKey: maintenanceKeys.all, queryFn: fetchMaintenance, refetchInterval: 60_000 });
  // undefined: no form; null: planning a new window; a window: editing it.
  const [editing, setEditing] = useState<MaintenanceWindow | null | undefined>();
  const [deleting, setDeleting] = useState<MaintenanceWindow | null>(null);
  const [pastPage, setPastPage] = useState(1);

  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: maintenanceKeys.all });
    // Windows change what the systems pages and the status page show.
    await queryClient.invalidateQueries({ queryKey: ['systems'] });
  };
  const titleOf = (w: MaintenanceWindow) => (i18n.language === 'es' ? w.title.es : w.title.en);

  const body = () => {
    if (windows.isPending) return <Loading />;
    if (windows.isError) return <QueryError error={windows.error} onRetry={windows.refetch} />;
    const { items, timezone } = windows.data;
    const past = items.filter((w) => isPast(w));
    const current = items.filter((w) => !isPast(w)).sort((a, b) => (a.next[0]?.start ?? '9').localeCompare(b.next[0]?.start ?? '9'));
    const actions = canManage ? { onEdit: setEditing, onDelete: setDeleting } : {};
    return (
      <Stack gap="lg">
        <Text>{t('incidents.maintenance.zone', { zone: fmt.zoneLabel(timezone) })}</Text>
        <Section title={t('incidents.maintenance.upcomingTitle')}>
          {current.length === 0 ? (
            <Text c="dimmed">{t('incidents.maintenance.noneUpcoming')}</Text>
          ) : (
            <MaintenanceTable windows={current} label={t('incidents.maintenance.upcomingTitle')} {...actions} />
          )}
        </Section>
        {past.length > 0 ? (
          <Section title={t('incidents.maintenance.pastTitle')}>
            <MaintenanceTable
              windows={past.slice((pastPage - 1) * PAGE_SIZE, pastPage * PAGE_SIZE)}
              label={t('incidents.maintenance.pastTitle')}
              {...actions}
            />
            {past.length > PAGE_SIZE ? (
              <Group justify="center" mt="md">
                <Pagination
                  total={Math.ceil(past.length / PAGE_SIZE)}
                  value={pastPage}
                  onChange={setPastPage}
                  getControlProps={(control) => ({ 'aria-label': t(`pagination.${control}`) })}
                  getItemProps={(p) => ({ 'aria-label': t('pagination.page', { page: p }) })}
                />
              </Group>
            ) : null}
          </Section>
        ) : null}
        {editing !== undefined ? (
          <MaintenanceFormModal
            key={editing?.id ?? 'new'}
            window={editing}
            districtTimezone={timezone}
            onClose={() => setEditing(undefined)}
            onSave={async (input) => {
              const saved = editing ? await updateMaintenance(editing.id, input) : await createMaintenance(input);
              setEditing(undefined);
              notify(t, {
                color: 'green',
                message: t(editing ? 'incidents.maintenance.saved' : 'incidents.maintenance.created', { title: titleOf(saved) }),
              });
              await refresh();
            }}
          />
        ) : null}
      </Stack>
    );
  };

  return (
    <RequirePermission anyOf={['systems.read']}>
      <PageHeader
        title={t('incidents.maintenance.title')}
        description={
          <>
            {t('incidents.maintenance.description')}{' '}
            <Anchor component={Link} to="/incidents" underline="always">
              {t('incidents.maintenance.incidentsLink')}
            </Anchor>
          </>
        }
        actions={canManage ? <Button onClick={() => setEditing(null)}>{t('incidents.maintenance.new')}</Button> : null}
      />
      {body()}
      {deleting ? (
        <DeleteMaintenanceModal
          title={titleOf(deleting)}
          onClose={() => setDeleting(null)}
          onDelete={async () => {
            await deleteMaintenance(deleting.id);
            notify(t, { color: 'green', message: t('incidents.maintenance.deleted', { title: titleOf(deleting) }) });
            setDeleting(null);
            await refresh();
          }}
        />
      ) : null}
    </RequirePermission>
  );
}
