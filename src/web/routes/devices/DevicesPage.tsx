import { useState } from 'react';
import { Anchor, Button, Group, Select, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { deviceStatuses, deviceStatusSchema } from '../../../shared/api/devices';
import { deviceKeys, exportDevicesUrl, fetchDevices, fetchModels } from '../../api/devices';
import { fetchSchools } from '../../api/people';
import { RequirePermission } from '../../auth/RequirePermission';
import { can, useMe } from '../../auth/me';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import { QueryError } from '../../components/QueryError';
import { SortHeader } from '../../components/SortHeader';
import { useFormat } from '../../i18n/format';
import { CustomFieldsModal } from './CustomFieldsModal';
import { DeviceCounts } from './DeviceCounts';
import { DeviceFormModal } from './DeviceFormModal';
import { DeviceStatusBadge } from './DeviceStatusBadge';
import { PAGE_SIZE, useDeviceParams } from './device-params';

/** The district's devices: every asset, who has it, and where it is in its life. */
export function DevicesPage() {
  return (
    <RequirePermission anyOf={['devices.read']}>
      <Inventory />
    </RequirePermission>
  );
}

function Inventory() {
  const { t } = useTranslation();
  const me = useMe();
  const { state, update } = useDeviceParams();
  const [search, setSearch] = useState(state.q);
  const [adding, setAdding] = useState(false);
  const [defining, setDefining] = useState(false);
  const pushSearch = useDebouncedCallback((q: string) => update({ q: q.trim() || undefined }), 250);
  const schools = useQuery({ queryKey: ['schools'], queryFn: fetchSchools });
  const models = useQuery({ queryKey: deviceKeys.models, queryFn: fetchModels });

  const filters = { q: state.q || undefined, status: state.status, schoolId: state.schoolId, modelId: state.modelId, sort: state.sort };
  const actions = (
    <>
      {can(me, 'devices.manage') ? (
        <>
          <Button component={Link} to="/devices/scan">
            {t('devices.scan.open')}
          </Button>
          <Button component={Link} to="/devices/import" variant="default">
            {t('devices.import.open')}
          </Button>
          <Button variant="default" onClick={() => setAdding(true)}>
            {t('devices.form.addTitle')}
          </Button>
          <Button variant="default" onClick={() => setDefining(true)}>
            {t('devices.customFields.open')}
          </Button>
        </>
      ) : null}
      {can(me, 'devices.summary') ? (
        <Button component={Link} to="/devices/reports" variant="default">
          {t('devices.reports.open')}
        </Button>
      ) : null}
      <Button component="a" href={exportDevicesUrl('csv', filters)} download variant="default">
        {t('devices.export.csv')}
      </Button>
      <Button component="a" href={exportDevicesUrl('xlsx', filters)} download variant="default">
        {t('devices.export.xlsx')}
      </Button>
    </>
  );

  return (
    <>
      <PageHeader title={t('devices.title')} description={t('devices.description')} actions={actions} />
      <Stack gap="md">
        {can(me, 'devices.summary') ? <DeviceCounts onPick={(status) => update({ status })} active={state.status} /> : null}
        <Group align="flex-end" gap="sm">
          <TextInput
            type="search"
            label={t('devices.filters.search')}
            description={t('devices.filters.searchHelp')}
            value={search}
            onChange={(e) => {
              setSearch(e.currentTarget.value);
              pushSearch(e.currentTarget.value);
            }}
            w={{ base: '100%', sm: 300 }}
          />
          <Select
            label={t('devices.filters.status')}
            placeholder={t('devices.filters.allStatuses')}
            clearable
            data={deviceStatuses.map((s) => ({ value: s, label: t(`devices.status.${s}`) }))}
            value={state.status ?? null}
            onChange={(s) => update({ status: deviceStatusSchema.safeParse(s).data })}
            w={{ base: '100%', xs: 180 }}
          />
          <Select
            label={t('devices.filters.school')}
            placeholder={t('devices.filters.allSchools')}
            clearable
            searchable
            data={(schools.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
            value={state.schoolId ?? null}
            onChange={(s) => update({ schoolId: s ?? undefined })}
            w={{ base: '100%', xs: 220 }}
          />
          <Select
            label={t('devices.filters.model')}
            placeholder={t('devices.filters.allModels')}
            clearable
            searchable
            data={(models.data?.items ?? []).map((m) => ({ value: m.id, label: [m.manufacturer, m.name].filter(Boolean).join(' ') }))}
            value={state.modelId ?? null}
            onChange={(m) => update({ modelId: m ?? undefined })}
            w={{ base: '100%', xs: 240 }}
          />
        </Group>
        <DevicesTable query={state} onSort={(sort) => update({ sort })} onPage={(page) => update({ page })} />
      </Stack>
      {adding ? <DeviceFormModal device={null} onClose={() => setAdding(false)} /> : null}
      {defining ? <CustomFieldsModal onClose={() => setDefining(false)} /> : null}
    </>
  );
}

type Query = ReturnType<typeof useDeviceParams>['state'];
type Column = 'tag' | 'serial' | 'status' | 'updated';

function DevicesTable({ query, onSort, onPage }: { query: Query; onSort: (s: Query['sort']) => void; onPage: (p: number) => void }) {
  const { t } = useTranslation();
  const { number, date } = useFormat();
  const result = useQuery({
    queryKey: deviceKeys.list(query),
    queryFn: () => fetchDevices({ ...query, q: query.q || undefined, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  if (result.isPending) return <Loading />;
  if (result.isError) return <QueryError error={result.error} onRetry={result.refetch} />;
  const { items, total } = result.data;
  const header = (column: Column, label: string) => (
    <SortHeader<Column> column={column} label={label} sort={query.sort} onSort={(s) => onSort(s)} />
  );

  return (
    <>
      <Text role="status" aria-live="polite" size="sm" c="dimmed">
        {t('devices.results', { count: total, formatted: number(total) })}
      </Text>
      {items.length === 0 ? (
        <Text py="lg">{t('devices.noResults')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={820}>
          <Table striped highlightOnHover verticalSpacing="sm" style={{ opacity: result.isPlaceholderData ? 0.6 : 1 }}>
            <VisuallyHidden component="caption">{t('devices.tableCaption')}</VisuallyHidden>
            <Table.Thead>
              <Table.Tr>
                {header('tag', t('devices.fields.assetTag'))}
                {header('serial', t('devices.fields.serial'))}
                <Table.Th scope="col">{t('devices.fields.model')}</Table.Th>
                {header('status', t('devices.fields.status'))}
                <Table.Th scope="col">{t('devices.fields.assignee')}</Table.Th>
                <Table.Th scope="col">{t('devices.fields.school')}</Table.Th>
                <Table.Th scope="col">{t('devices.fields.aue')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/devices/${d.id}`} fw={600}>
                      {d.assetTag ?? t('devices.noTag')}
                    </Anchor>
                  </Table.Td>
                  <Table.Td ff="monospace">{d.serial}</Table.Td>
                  <Table.Td>{d.modelName ?? '—'}</Table.Td>
                  <Table.Td>
                    <DeviceStatusBadge status={d.status} />
                  </Table.Td>
                  <Table.Td>
                    {d.assignee ? (
                      d.assignee.personId ? (
                        <Anchor component={Link} to={`/people/${d.assignee.personId}`}>
                          {d.assignee.name}
                        </Anchor>
                      ) : (
                        t(`devices.assigneeTypes.${d.assignee.type}`) + ': ' + d.assignee.name
                      )
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                  <Table.Td>{d.schoolName ?? '—'}</Table.Td>
                  <Table.Td>{d.aueDate ? date(d.aueDate) : '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Pager total={total} pageSize={PAGE_SIZE} page={query.page} onPage={onPage} />
    </>
  );
}
