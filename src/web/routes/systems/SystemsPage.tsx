import { lazy, Suspense, useMemo, useState } from 'react';
import { Alert, Button, Group, Select, Skeleton, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { systemCategories } from '../../../shared/api/systems';
import { statusGroups, summarizeStatuses, statusGroupSchema } from '../../../shared/api/system-views';
import { exportSystemsUrl, type BoardSystem } from '../../api/systems';
import { RequirePermission } from '../../auth/RequirePermission';
import { useFirstPaintDone } from '../../app/first-paint';
import { can, useMe } from '../../auth/me';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { useFormat } from '../../i18n/format';
import { filterSystems, hasFilter, urgencyOrder } from '../../../shared/system-board';
import { useBoardParams } from './board-params';
import { DependencyList } from './DependencyList';
import { graphOf, MAX_DRAWN } from './graph-model';
import { StatusSummary } from './StatusSummary';
import { useBoard } from './use-board';
import { SystemsTable } from './SystemsTable';

// dagre and the drawing code load only when someone opens the graph, and the forms (with their
// inputs) when someone opens one: neither weighs on the board's first load.
const DependencyGraph = lazy(async () => ({ default: (await import('./DependencyGraph')).DependencyGraph }));
const ImportModal = lazy(async () => ({ default: (await import('./ImportModal')).ImportModal }));
const SystemFormModal = lazy(async () => ({ default: (await import('./SystemFormModal')).SystemFormModal }));

/** Every system the district runs on, whether each is up, and what depends on what. */
export function SystemsPage() {
  return (
    <RequirePermission anyOf={['systems.read']}>
      <SystemsBoard />
    </RequirePermission>
  );
}

function SystemsBoard() {
  const { t } = useTranslation();
  const me = useMe();
  const manage = can(me, 'systems.manage');
  const { dateTime } = useFormat();
  const board = useBoard();
  const { filter, view, page, update } = useBoardParams();
  const [search, setSearch] = useState(filter.q);
  const [q] = useDebouncedValue(search, 250);
  const [importing, setImporting] = useState(false);
  const [creating, setCreating] = useState(false);

  const all = board.data;
  const names = useMemo(() => new Map((all ?? []).map((s) => [s.id, s.name])), [all]);
  const shown = useMemo(
    () => filterSystems(all ?? [], { ...filter, q }, (s: BoardSystem) => t(`systems.categories.${s.category}`)).sort(urgencyOrder()),
    // The filter object is new on every render; its fields are what matter.
    [all, filter.group, filter.tier, filter.category, q, t],
  );
  const summary = useMemo(() => summarizeStatuses(all ?? []), [all]);
  // The server drew this board first (its first paint): swapped for this one once it is drawn.
  useFirstPaintDone(!board.isPending);
  const graph = useMemo(() => (view === 'graph' && shown.length <= MAX_DRAWN ? graphOf(shown, all ?? []) : null), [view, shown, all]);
  const listModel = useMemo(() => (view === 'graph' ? graphOf(shown, all ?? []) : null), [view, shown, all]);

  const actions = manage ? (
    <>
      <Button onClick={() => setCreating(true)}>{t('systems.new')}</Button>
      <Button variant="default" onClick={() => setImporting(true)}>
        {t('systems.import.open')}
      </Button>
      <Button variant="default" component="a" href={exportSystemsUrl} download="systems.yaml">
        {t('systems.export')}
      </Button>
    </>
  ) : undefined;

  const setQ = (value: string) => {
    setSearch(value);
    update({ q: value.trim() || undefined });
  };

  return (
    <>
      <PageHeader title={t('systems.title')} description={t('systems.description')} actions={actions} />
      {board.isPending ? (
        <Loading />
      ) : !all ? (
        <QueryError error={board.error} onRetry={board.refetch} />
      ) : (
        <Stack gap="md">
          {board.isError ? (
            <Alert color="yellow" role="alert" title={t('errors.connectionTitle')}>
              {t('systems.staleWarning', { time: dateTime(new Date(board.dataUpdatedAt).toISOString()) })}
            </Alert>
          ) : null}
          <StatusSummary summary={summary} active={filter.group} onPick={(g) => update({ status: g })} />
          <Text size="sm" c="dimmed">
            {t('systems.updatedAt', { time: dateTime(new Date(board.dataUpdatedAt).toISOString()) })}
          </Text>
          {all.length === 0 ? (
            <Alert color="blue">{manage ? t('systems.noneManage') : t('systems.none')}</Alert>
          ) : (
            <>
              <Group align="flex-end" gap="sm">
                <TextInput
                  type="search"
                  label={t('systems.filters.search')}
                  description={t('systems.filters.searchHelp')}
                  value={search}
                  onChange={(e) => setQ(e.currentTarget.value)}
                  w={{ base: '100%', sm: 280 }}
                />
                <Select
                  label={t('systems.filters.status')}
                  placeholder={t('systems.filters.allStatuses')}
                  clearable
                  data={statusGroups.map((g) => ({ value: g, label: t(`systems.groups.${g}`) }))}
                  value={filter.group ?? null}
                  onChange={(g) => update({ status: statusGroupSchema.safeParse(g).data })}
                  w={{ base: '100%', xs: 180 }}
                />
                <Select
                  label={t('systems.filters.tier')}
                  placeholder={t('systems.filters.allTiers')}
                  clearable
                  data={(['1', '2', '3'] as const).map((tier) => ({ value: tier, label: t(`systems.tiers.${tier}`) }))}
                  value={filter.tier ?? null}
                  onChange={(tier) => update({ tier: tier ?? undefined })}
                  w={{ base: '100%', xs: 220 }}
                />
                <Select
                  label={t('systems.filters.category')}
                  placeholder={t('systems.filters.allCategories')}
                  clearable
                  searchable
                  data={systemCategories.map((c) => ({ value: c, label: t(`systems.categories.${c}`) }))}
                  value={filter.category ?? null}
                  onChange={(c) => update({ category: c ?? undefined })}
                  w={{ base: '100%', xs: 220 }}
                />
                {hasFilter({ ...filter, q: search }) ? (
                  <Button
                    variant="subtle"
                    onClick={() => {
                      setSearch('');
                      update({ q: undefined, status: undefined, tier: undefined, category: undefined });
                    }}
                  >
                    {t('systems.clearFilters')}
                  </Button>
                ) : null}
              </Group>
              <Tabs value={view} onChange={(v) => update({ view: v === 'graph' ? 'graph' : undefined, page: page })} keepMounted={false}>
                <Tabs.List aria-label={t('systems.tabs.label')}>
                  <Tabs.Tab value="board">{t('systems.tabs.board')}</Tabs.Tab>
                  <Tabs.Tab value="graph">{t('systems.tabs.graph')}</Tabs.Tab>
                </Tabs.List>
                <Tabs.Panel value="board" pt="md">
                  {shown.length === 0 ? (
                    <Alert color="blue">{t('systems.noMatch')}</Alert>
                  ) : (
                    <SystemsTable systems={shown} names={names} page={page} onPage={(p) => update({ page: p })} />
                  )}
                </Tabs.Panel>
                <Tabs.Panel value="graph" pt="md">
                  <Stack gap="sm">
                    <Text size="sm">{t('systems.graph.help')}</Text>
                    {shown.length === 0 ? (
                      <Alert color="blue">{t('systems.noMatch')}</Alert>
                    ) : graph ? (
                      <Suspense fallback={<Skeleton h={320} aria-label={t('systems.graph.loading')} />}>
                        <DependencyGraph model={graph} label={t('systems.graph.label', { count: graph.nodes.length })} />
                      </Suspense>
                    ) : (
                      <Alert color="yellow">{t('systems.graph.tooMany', { count: shown.length })}</Alert>
                    )}
                    {listModel && listModel.nodes.length > 0 ? (
                      <details open={!graph}>
                        <summary>
                          <Title order={2} size="h5" component="span">
                            {t('systems.graph.asList')}
                          </Title>
                        </summary>
                        <DependencyList model={listModel} />
                      </details>
                    ) : null}
                  </Stack>
                </Tabs.Panel>
              </Tabs>
            </>
          )}
        </Stack>
      )}
      <Suspense fallback={null}>
        {importing ? <ImportModal onClose={() => setImporting(false)} /> : null}
        {creating ? <SystemFormModal system={null} all={all ?? []} onClose={() => setCreating(false)} /> : null}
      </Suspense>
    </>
  );
}
