import { useState } from 'react';
import { Alert, Button, Group, NativeSelect, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  applyReadinessTemplate,
  createReadinessItem,
  createReadinessYear,
  deleteReadinessItem,
  fetchReadinessBoard,
  fetchReadinessYears,
  markItemDone,
  moveFirstDay,
  reopenItem,
  updateReadinessItem,
  type ReadinessBoard,
  type ReadinessItem,
} from '../../api/readiness';
import { can, useMe } from '../../auth/me';
import { RequirePermission } from '../../auth/RequirePermission';
import { errorMessage } from '../../components/errors';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { DeleteItemModal } from './DeleteItemModal';
import { DoneModal } from './DoneModal';
import { FirstDayModal } from './FirstDayModal';
import { ItemFormModal } from './ItemFormModal';
import { NewYearModal } from './NewYearModal';
import { defaultYear, districtToday, matchesFilter, readinessFilters, schoolYearLabel, suggestedSchoolYear } from './readiness-dates';
import { SystemChecklist, type ItemActions } from './SystemChecklist';
import { useItemTitle } from './useItemTitle';
import { useReadinessParams } from './useReadinessParams';
import { YearSummary } from './YearSummary';
import { notify } from '../../components/notify';

/** Back-to-school readiness: per school year, a checklist for each tier-1 and tier-2 system, and what is late. */
export function ReadinessPage() {
  const { t } = useTranslation();
  return (
    <RequirePermission anyOf={['systems.read']}>
      <PageHeader title={t('readiness.title')} description={t('readiness.description')} />
      <ReadinessBoardView />
    </RequirePermission>
  );
}

function ReadinessBoardView() {
  const { t } = useTranslation();
  const me = useMe();
  const canManage = can(me, 'systems.manage');
  const queryClient = useQueryClient();
  const params = useReadinessParams();
  const [creatingYear, setCreatingYear] = useState(false);

  const years = useQuery({ queryKey: ['readiness', 'years'], queryFn: fetchReadinessYears });
  const year = params.year ?? (years.data ? defaultYear(years.data) : undefined);
  const board = useQuery({
    queryKey: ['readiness', 'board', year],
    queryFn: () => fetchReadinessBoard(year!),
    enabled: year !== undefined,
  });

  if (years.isPending) return <Loading />;
  if (years.isError) return <QueryError error={years.error} onRetry={years.refetch} />;
  const taken = years.data.map((y) => y.schoolYear);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['readiness'] });

  const newYear = creatingYear ? (
    <NewYearModal
      suggested={suggestedSchoolYear(new Date().toISOString().slice(0, 10), taken)}
      taken={taken}
      onClose={() => setCreatingYear(false)}
      onCreate={async (body, withTemplate) => {
        await createReadinessYear(body);
        setCreatingYear(false);
        params.update({ year: body.schoolYear });
        if (withTemplate) {
          try {
            const applied = await applyReadinessTemplate(body.schoolYear);
            notify(t, { color: 'green', message: t('readiness.template.applied', { count: applied.created }) });
          } catch (err) {
            notify(t, { color: 'red', title: t('errors.saveFailedTitle'), message: errorMessage(err, t) });
          }
        }
        await refresh();
      }}
    />
  ) : null;
  const newYearButton = canManage ? <Button onClick={() => setCreatingYear(true)}>{t('readiness.year.new')}</Button> : null;

  if (years.data.length === 0) {
    return (
      <Paper withBorder radius="md" p="lg">
        <Stack gap="sm" align="flex-start">
          <Text fw={600}>{t('readiness.empty.title')}</Text>
          <Text>{canManage ? t('readiness.empty.manage') : t('readiness.empty.read')}</Text>
          {newYearButton}
        </Stack>
        {newYear}
      </Paper>
    );
  }

  return (
    <>
      <Group justify="space-between" align="flex-end" mb="md" gap="sm">
        <NativeSelect
          label={t('readiness.schoolYear')}
          value={year === undefined ? '' : String(year)}
          onChange={(e) => params.update({ year: Number(e.currentTarget.value) })}
          data={[
            ...(year !== undefined && !taken.includes(year) ? [{ value: String(year), label: schoolYearLabel(year) }] : []),
            ...years.data.map((y) => ({ value: String(y.schoolYear), label: schoolYearLabel(y.schoolYear) })),
          ]}
          w={{ base: '100%', xs: 200 }}
        />
        {newYearButton}
      </Group>
      {board.isPending ? (
        <Loading />
      ) : board.isError ? (
        <QueryError error={board.error} onRetry={board.refetch} />
      ) : (
        <Board board={board.data} canManage={canManage} onChanged={refresh} />
      )}
      {newYear}
    </>
  );
}

type Editing = { item: ReadinessItem | null; systemId?: string };

function Board({ board, canManage, onChanged }: { board: ReadinessBoard; canManage: boolean; onChanged: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const me = useMe();
  const params = useReadinessParams();
  const titleOf = useItemTitle();
  const [movingFirstDay, setMovingFirstDay] = useState(false);
  const [editing, setEditing] = useState<Editing>();
  const [finishing, setFinishing] = useState<ReadinessItem>();
  const [deleting, setDeleting] = useState<ReadinessItem>();
  const [applying, setApplying] = useState(false);

  const today = districtToday(board);
  const all = board.systems.flatMap((s) => s.items);
  const count = (f: (typeof readinessFilters)[number]) => all.filter((i) => matchesFilter(i, f, me.accountId)).length;
  const shown = board.systems
    .map((s) => ({ system: s, items: s.items.filter((i) => matchesFilter(i, params.filter, me.accountId)) }))
    .filter((s) => s.items.length > 0);
  const checklistSystems = [...board.systems, ...board.systemsWithoutChecklist].map((s) => ({ id: s.id, name: s.name }));

  const failed = (err: unknown) => notify(t, { color: 'red', title: t('errors.saveFailedTitle'), message: errorMessage(err, t) });
  const actions: ItemActions = {
    canManage,
    canRecord: (item) => canManage || item.owner.id === me.accountId,
    onDone: setFinishing,
    onReopen: (item) => {
      reopenItem(item.id).then(onChanged, failed);
    },
    onEdit: (item) => setEditing({ item }),
    onDelete: setDeleting,
    onAdd: (systemId) => setEditing({ item: null, systemId }),
  };

  const applyTemplate = async () => {
    setApplying(true);
    try {
      const applied = await applyReadinessTemplate(board.schoolYear);
      notify(t, { color: 'green', message: t('readiness.template.applied', { count: applied.created }) });
      await onChanged();
    } catch (err) {
      failed(err);
    } finally {
      setApplying(false);
    }
  };

  return (
    <>
      <YearSummary board={board} canManage={canManage} onMoveFirstDay={() => setMovingFirstDay(true)} />
      {board.systemsWithoutChecklist.length > 0 ? (
        <Alert color="yellow" mb="lg" title={t('readiness.template.missingTitle', { count: board.systemsWithoutChecklist.length })}>
          <Stack gap="sm" align="flex-start">
            <Text size="sm">{board.systemsWithoutChecklist.map((s) => s.name).join(', ')}</Text>
            {canManage ? (
              <Button onClick={() => void applyTemplate()} loading={applying}>
                {t('readiness.template.apply')}
              </Button>
            ) : null}
          </Stack>
        </Alert>
      ) : null}
      <Group justify="space-between" align="center" mb="md" gap="sm">
        <SegmentedControl
          aria-label={t('readiness.filter.label')}
          value={params.filter}
          onChange={(v) => params.update({ filter: readinessFilters.find((f) => f === v) ?? 'all' })}
          data={readinessFilters.map((f) => ({ value: f, label: t(`readiness.filter.${f}`, { count: count(f) }) }))}
        />
        {canManage && board.systems.length > 0 ? (
          <Button variant="default" onClick={() => setEditing({ item: null })}>
            {t('readiness.item.new')}
          </Button>
        ) : null}
      </Group>
      <Stack gap="lg">
        {shown.length === 0 ? (
          <Text c="dimmed">{all.length === 0 ? t('readiness.noItems') : t(`readiness.filter.none.${params.filter}`)}</Text>
        ) : (
          shown.map(({ system, items }) => (
            <SystemChecklist key={system.id} system={system} items={items} today={today} titleOf={titleOf} actions={actions} />
          ))
        )}
      </Stack>

      {movingFirstDay ? (
        <FirstDayModal
          schoolYear={board.schoolYear}
          firstDay={board.firstDay}
          onClose={() => setMovingFirstDay(false)}
          onSave={async (firstDay) => {
            await moveFirstDay(board.schoolYear, firstDay);
            setMovingFirstDay(false);
            await onChanged();
          }}
        />
      ) : null}
      {editing ? (
        <ItemFormModal
          item={editing.item}
          shownTitle={editing.item ? titleOf(editing.item) : undefined}
          systems={checklistSystems}
          systemId={editing.systemId}
          firstDay={board.firstDay}
          onClose={() => setEditing(undefined)}
          onCreate={async (body) => {
            await createReadinessItem(board.schoolYear, body);
            setEditing(undefined);
            await onChanged();
          }}
          onUpdate={async (id, body) => {
            await updateReadinessItem(id, body);
            setEditing(undefined);
            await onChanged();
          }}
        />
      ) : null}
      {finishing ? (
        <DoneModal
          title={titleOf(finishing)}
          onClose={() => setFinishing(undefined)}
          onDone={async (evidence) => {
            await markItemDone(finishing.id, evidence);
            setFinishing(undefined);
            await onChanged();
          }}
        />
      ) : null}
      {deleting ? (
        <DeleteItemModal
          title={titleOf(deleting)}
          onClose={() => setDeleting(undefined)}
          onDelete={async () => {
            await deleteReadinessItem(deleting.id);
            setDeleting(undefined);
            await onChanged();
          }}
        />
      ) : null}
    </>
  );
}
