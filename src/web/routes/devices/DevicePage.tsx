import { useState } from 'react';
import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { nextStatuses } from '../../../shared/device-transitions';
import { deviceKeys, fetchDevice, type DeviceDetail } from '../../api/devices';
import { RequirePermission } from '../../auth/RequirePermission';
import { can, useMe } from '../../auth/me';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { useFormat } from '../../i18n/format';
import { accessoryName } from './accessory-name';
import { useCustomFields } from './CustomFieldInputs';
import { DeviceFormModal } from './DeviceFormModal';
import { DeviceHistory } from './DeviceHistory';
import { DeviceStatusBadge } from './DeviceStatusBadge';
import { useMoney } from './money';
import { RepairPanel } from './RepairPanel';
import { StatusChangeModal } from './StatusChangeModal';

/** One device: what it is, who has it, and everything that happened to it. */
export function DevicePage() {
  return (
    <RequirePermission anyOf={['devices.read']}>
      <Device />
    </RequirePermission>
  );
}

function Device() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const me = useMe();
  const device = useQuery({ queryKey: deviceKeys.detail(id), queryFn: () => fetchDevice(id) });
  const [changing, setChanging] = useState(false);
  const [editing, setEditing] = useState(false);

  if (device.isPending) return <Loading />;
  if (device.isError) return <QueryError error={device.error} onRetry={device.refetch} />;
  const d = device.data;
  const moves = nextStatuses(d.status);
  const actions = can(me, 'devices.manage') ? (
    <>
      <Button variant="default" onClick={() => setEditing(true)}>
        {t('actions.edit')}
      </Button>
      {moves.length > 0 ? (
        <Button variant="default" onClick={() => setChanging(true)}>
          {t('devices.statusChange.open')}
        </Button>
      ) : null}
    </>
  ) : undefined;

  return (
    <>
      <PageHeader
        title={t('devices.deviceTitle', { tag: d.assetTag ?? d.serial })}
        description={
          <Group gap="xs" component="span">
            <DeviceStatusBadge status={d.status} />
            <span>{[d.manufacturer, d.modelName].filter(Boolean).join(' ') || t('devices.noModel')}</span>
          </Group>
        }
        above={
          <Anchor component={Link} to="/devices" size="sm">
            {t('devices.backToList')}
          </Anchor>
        }
        actions={actions}
      />
      <Stack gap="lg">
        <Holder device={d} />
        <RepairPanel device={d} />
        <Facts device={d} />
        <section aria-labelledby="device-history">
          <Title order={2} size="h4" id="device-history" mb="sm">
            {t('devices.history.title')}
          </Title>
          <DeviceHistory events={d.history} />
        </section>
        <Assignments device={d} />
      </Stack>
      {changing ? <StatusChangeModal device={d} moves={moves} onClose={() => setChanging(false)} /> : null}
      {editing ? <DeviceFormModal device={d} onClose={() => setEditing(false)} /> : null}
    </>
  );
}

function Holder({ device }: { device: DeviceDetail }) {
  const { t } = useTranslation();
  const { dateTime, date } = useFormat();
  const a = device.currentAssignment;
  if (!a) return null;
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} size="h4" mb="xs">
        {a.kind === 'loaner' ? t('devices.holder.loaner') : t('devices.holder.title')}
      </Title>
      <Text fw={600}>
        {a.assignee.personId ? (
          <Anchor component={Link} to={`/people/${a.assignee.personId}`}>
            {a.assignee.name}
          </Anchor>
        ) : (
          `${t(`devices.assigneeTypes.${a.assignee.type}`)}: ${a.assignee.name}`
        )}
        {a.assignee.identifier ? ` (${a.assignee.identifier})` : ''}
      </Text>
      <Text size="sm">
        {t('devices.holder.since', { time: dateTime(a.checkedOutAt), by: a.checkedOutBy })}
        {a.dueOn ? ` · ${t('devices.holder.due', { date: date(a.dueOn) })}` : ''}
      </Text>
      {a.accessories.length > 0 ? (
        <Text size="sm">{t('devices.holder.accessories', { items: a.accessories.map((x) => accessoryName(t, x)).join(', ') })}</Text>
      ) : null}
    </Paper>
  );
}

function Facts({ device: d }: { device: DeviceDetail }) {
  const { t } = useTranslation();
  const definitions = useCustomFields(d.category ?? 'other');
  const money = useMoney();
  const { date, dateTime } = useFormat();
  const rows: [string, string | null][] = [
    [t('devices.fields.assetTag'), d.assetTag],
    [t('devices.fields.serial'), d.serial],
    [t('devices.fields.model'), [d.manufacturer, d.modelName].filter(Boolean).join(' ') || null],
    [t('devices.fields.category'), d.category ? t(`devices.categories.${d.category}`) : null],
    [t('devices.fields.school'), d.schoolName],
    [t('devices.fields.location'), d.location],
    [t('devices.fields.purchaseDate'), d.purchaseDate && date(d.purchaseDate)],
    [t('devices.fields.cost'), d.cost && money(d.cost)],
    [t('devices.fields.fundingSource'), d.fundingSource && t(`devices.funding.${d.fundingSource}`)],
    [t('devices.fields.warrantyEnd'), d.warrantyEnd && date(d.warrantyEnd)],
    [t('devices.fields.aue'), d.aueDate && (d.aueOverride ? t('devices.aueOwn', { date: date(d.aueDate) }) : date(d.aueDate))],
    [t('devices.fields.notes'), d.notes],
  ];
  const google: [string, string | null][] = [
    [t('devices.google.orgUnit'), d.google.orgUnitPath],
    [t('devices.google.lastSync'), d.google.lastSync && dateTime(d.google.lastSync)],
    [t('devices.google.osVersion'), d.google.osVersion],
    [t('devices.google.mac'), d.google.macAddress],
    [t('devices.google.annotatedUser'), d.google.annotatedUser],
  ];
  const labels = new Map(definitions.map((f) => [f.key, f.label]));
  const custom = Object.entries(d.customFields).map(([k, v]): [string, string | null] => [
    labels.get(k) ?? k,
    v === null || v === undefined ? null : typeof v === 'object' ? JSON.stringify(v) : String(v as string | number | boolean),
  ]);
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      <FactList title={t('devices.facts.title')} rows={[...rows, ...custom]} />
      {google.some(([, v]) => v) ? <FactList title={t('devices.google.title')} rows={google} /> : null}
    </SimpleGrid>
  );
}

function FactList({ title, rows }: { title: string; rows: [string, string | null][] }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} size="h4" mb="xs">
        {title}
      </Title>
      <dl style={{ display: 'grid', gridTemplateColumns: 'minmax(120px, max-content) 1fr', gap: '4px 16px', margin: 0 }}>
        {rows.map(([label, value]) => (
          <div key={label} style={{ display: 'contents' }}>
            <Text component="dt" fw={600} size="sm">
              {label}
            </Text>
            <Text component="dd" size="sm" m={0}>
              {value || '—'}
            </Text>
          </div>
        ))}
      </dl>
    </Paper>
  );
}

function Assignments({ device }: { device: DeviceDetail }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  if (device.assignments.length === 0) return null;
  return (
    <section aria-labelledby="device-assignments">
      <Title order={2} size="h4" id="device-assignments" mb="sm">
        {t('devices.assignments.title')}
      </Title>
      <Table.ScrollContainer minWidth={640}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('devices.fields.assignee')}</Table.Th>
              <Table.Th scope="col">{t('devices.assignments.out')}</Table.Th>
              <Table.Th scope="col">{t('devices.assignments.in')}</Table.Th>
              <Table.Th scope="col">{t('devices.assignments.conditionIn')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {device.assignments.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>
                  {a.assignee.name}
                  {a.kind === 'loaner' ? ` · ${t('devices.status.loaner')}` : ''}
                </Table.Td>
                <Table.Td>{dateTime(a.checkedOutAt)}</Table.Td>
                <Table.Td>{a.checkedInAt ? dateTime(a.checkedInAt) : t('devices.assignments.stillOut')}</Table.Td>
                <Table.Td>
                  {a.conditionIn ? t(`devices.conditions.${a.conditionIn as 'good'}`, { defaultValue: a.conditionIn }) : '—'}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </section>
  );
}
