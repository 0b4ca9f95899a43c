import { useState } from 'react';
import { Anchor, Button, Group, Select, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { auditKeys, fetchAudits, type AuditsQuery } from '../../../api/device-audits';
import { fetchSchools } from '../../../api/people';
import { RequirePermission } from '../../../auth/RequirePermission';
import { can, useMe } from '../../../auth/me';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { useFormat } from '../../../i18n/format';
import { Pager } from '../../../components/Pager';
import { AuditProgress, AuditStatusBadges } from './AuditBadges';
import { AUDITS_PAGE_SIZE, useAuditParams } from './audit-params';
import { ScheduleAuditModal } from './ScheduleAuditModal';

/** The history of physical audits: what each school's count found, and which are still open or overdue. */
export function AuditsPage() {
  return (
    <RequirePermission anyOf={['devices.read']}>
      <AuditHistory />
    </RequirePermission>
  );
}

function AuditHistory() {
  const { t } = useTranslation();
  const me = useMe();
  const { state, update } = useAuditParams();
  const schools = useQuery({ queryKey: ['schools'], queryFn: fetchSchools });
  const [scheduling, setScheduling] = useState(false);

  return (
    <>
      <PageHeader
        title={t('audits.title')}
        description={t('audits.description')}
        above={
          <Anchor component={Link} to="/devices" size="sm">
            {t('audits.backToDevices')}
          </Anchor>
        }
        actions={can(me, 'devices.manage') ? <Button onClick={() => setScheduling(true)}>{t('audits.schedule.open')}</Button> : undefined}
      />
      <Stack gap="md">
        <Group align="flex-end" gap="sm">
          <Select
            label={t('audits.filters.school')}
            placeholder={t('audits.filters.allSchools')}
            clearable
            searchable
            data={(schools.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
            value={state.schoolId ?? null}
            onChange={(s) => update({ schoolId: s ?? undefined })}
            w={{ base: '100%', xs: 240 }}
          />
          <Select
            label={t('audits.filters.status')}
            placeholder={t('audits.filters.allStatuses')}
            clearable
            data={(['open', 'closed'] as const).map((s) => ({ value: s, label: t(`audits.status.${s}`) }))}
            value={state.status ?? null}
            onChange={(s) => update({ status: s ?? undefined })}
            w={{ base: '100%', xs: 200 }}
          />
        </Group>
        <AuditsTable query={state} filtered={Boolean(state.schoolId || state.status)} onPage={(page) => update({ page })} />
      </Stack>
      {scheduling ? <ScheduleAuditModal schoolId={state.schoolId} onClose={() => setScheduling(false)} /> : null}
    </>
  );
}

function AuditsTable({
  query,
  filtered,
  onPage,
}: {
  query: AuditsQuery & { page: number };
  filtered: boolean;
  onPage: (p: number) => void;
}) {
  const { t } = useTranslation();
  const { number, date } = useFormat();
  const result = useQuery({
    queryKey: auditKeys.list(query),
    queryFn: () => fetchAudits({ ...query, pageSize: AUDITS_PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  if (result.isPending) return <Loading />;
  if (result.isError) return <QueryError error={result.error} onRetry={result.refetch} />;
  const { items, total } = result.data;

  return (
    <>
      <Text role="status" aria-live="polite" size="sm" c="dimmed">
        {t('audits.results', { count: total, formatted: number(total) })}
      </Text>
      {items.length === 0 ? (
        <Text py="lg">{filtered ? t('audits.noResults') : t('audits.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={960}>
          <Table striped highlightOnHover verticalSpacing="sm" style={{ opacity: result.isPlaceholderData ? 0.6 : 1 }} data-testid="audits">
            <VisuallyHidden component="caption">{t('audits.tableCaption')}</VisuallyHidden>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('audits.columns.name')}</Table.Th>
                <Table.Th scope="col">{t('audits.columns.school')}</Table.Th>
                <Table.Th scope="col">{t('audits.columns.due')}</Table.Th>
                <Table.Th scope="col">{t('audits.columns.status')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('audits.columns.expected')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('audits.columns.seenHere')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('audits.columns.seenElsewhere')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('audits.columns.missing')}
                </Table.Th>
                <Table.Th scope="col">{t('audits.columns.progress')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Th scope="row" fw={400}>
                    <Anchor component={Link} to={`/devices/audits/${a.id}`} fw={600}>
                      {a.name}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>{a.schoolName}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{date(a.dueOn)}</Table.Td>
                  <Table.Td>
                    <AuditStatusBadges audit={a} />
                  </Table.Td>
                  <Table.Td ta="right">{number(a.counts.expected)}</Table.Td>
                  <Table.Td ta="right">{number(a.counts.seenHere)}</Table.Td>
                  <Table.Td ta="right">{number(a.counts.seenElsewhere)}</Table.Td>
                  <Table.Td ta="right">{number(a.counts.missing)}</Table.Td>
                  <Table.Td>
                    <AuditProgress audit={a} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Pager total={total} pageSize={AUDITS_PAGE_SIZE} page={query.page} onPage={onPage} />
    </>
  );
}
