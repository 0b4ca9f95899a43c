import { lazy, Suspense, useMemo, useState } from 'react';
import { Anchor, Button, List, Paper, SimpleGrid, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isNotFound } from '../../api/errors';
import { fetchSystem, systemKeys, type BoardSystem, type SystemDetail } from '../../api/systems';
import { RequirePermission } from '../../auth/RequirePermission';
import { can, useMe } from '../../auth/me';
import { Loading } from '../../components/Loading';
import { NotPermitted } from '../../components/NotPermitted';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { Section } from '../../components/Section';
import { useFormat } from '../../i18n/format';
import { DeleteSystemModal } from './DeleteSystemModal';
import { usePercent } from './format';
import { neighbourhoodOf } from './graph-model';
import { StatusLabel } from './status-style';
import { SystemChecks } from './SystemChecks';
import { SystemFormModal } from './SystemFormModal';
import { BOARD_REFRESH_MS, useBoard } from './use-board';

const DependencyGraph = lazy(async () => ({ default: (await import('./DependencyGraph')).DependencyGraph }));

/** One system: what it is, whether it is up and why, what it needs and what needs it. */
export function SystemPage() {
  return (
    <RequirePermission anyOf={['systems.read']}>
      <SystemView />
    </RequirePermission>
  );
}

function SystemView() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const detail = useQuery({ queryKey: systemKeys.detail(id), queryFn: () => fetchSystem(id), refetchInterval: BOARD_REFRESH_MS });
  const board = useBoard();
  if (detail.isPending) return <Loading />;
  if (detail.isError && !detail.data) {
    if (isNotFound(detail.error)) return <NotPermitted />;
    return (
      <>
        <PageHeader title={t('systems.title')} />
        <QueryError error={detail.error} onRetry={detail.refetch} />
      </>
    );
  }
  return <SystemDetails system={detail.data} board={board.data} />;
}

function SystemDetails({ system, board }: { system: SystemDetail; board: BoardSystem[] | undefined }) {
  const { t, i18n } = useTranslation();
  const { dateTime } = useFormat();
  const percent = usePercent();
  const me = useMe();
  const manage = can(me, 'systems.manage');
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const live = board?.find((s) => s.id === system.id);
  const byId = useMemo(() => new Map((board ?? []).map((s) => [s.id, s])), [board]);
  const neighbourhood = useMemo(() => (board && live ? neighbourhoodOf(system.id, board) : null), [board, live, system.id]);
  const language = i18n.language === 'es' ? 'es' : 'en';

  const systemLink = (id: string, name: string) => (
    <Anchor component={Link} to={`/systems/${encodeURIComponent(id)}`}>
      {name}
    </Anchor>
  );
  const links = (ids: string[]) =>
    ids.flatMap((x, i) => {
      const link = <span key={x}>{systemLink(x, byId.get(x)?.name ?? x)}</span>;
      return i === 0 ? [link] : [', ', link];
    });
  const dependencyList = (deps: SystemDetail['dependsOn'], none: string) =>
    deps.length === 0 ? (
      <Text size="sm" c="dimmed">
        {none}
      </Text>
    ) : (
      <List spacing={6} size="sm">
        {deps.map((d) => {
          const status = byId.get(d.id)?.status;
          return (
            <List.Item key={d.id}>
              {systemLink(d.id, d.name)} ({t(`systems.kind.${d.kind}`)}){status ? <> · {t(`systems.status.${status}`)}</> : null}
            </List.Item>
          );
        })}
      </List>
    );
  const field = (label: string, value: React.ReactNode) => (
    <>
      <Text component="dt" size="sm" fw={600}>
        {label}
      </Text>
      <Text component="dd" size="sm" m={0} mb="xs">
        {value ?? (
          <Text span size="sm" c="dimmed">
            {t('systems.detail.notSet')}
          </Text>
        )}
      </Text>
    </>
  );

  return (
    <>
      <PageHeader
        title={system.name}
        description={`${system.id} · ${t(`systems.categories.${system.category}`)} · ${t(`systems.tiers.${system.tier === 1 ? '1' : system.tier === 2 ? '2' : '3'}`)}`}
        above={
          <Anchor component={Link} to="/systems" size="sm">
            ← {t('systems.detail.back')}
          </Anchor>
        }
        actions={
          manage ? (
            <>
              <Button onClick={() => setEditing(true)}>{t('systems.detail.edit')}</Button>
              <Button variant="default" color="red" onClick={() => setDeleting(true)}>
                {t('systems.detail.delete')}
              </Button>
            </>
          ) : undefined
        }
      />
      <Stack gap="lg">
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Section title={t('systems.detail.statusTitle')}>
            {live ? (
              <Stack gap={6}>
                <StatusLabel status={live.status} size="md" />
                {live.impactedBy.length > 0 ? (
                  <Text size="sm">
                    {t('systems.impactedByLead')} {links(live.impactedBy)}
                  </Text>
                ) : null}
                {live.degradedBy.length > 0 ? (
                  <Text size="sm">
                    {t('systems.degradedByLead')} {links(live.degradedBy)}
                  </Text>
                ) : null}
                {live.own !== live.status ? (
                  <Text size="sm" c="dimmed">
                    {t('systems.detail.ownStatus', { status: t(`systems.status.${live.own}`) })}
                  </Text>
                ) : null}
                {live.since ? (
                  <Text size="sm" c="dimmed">
                    {t('systems.detail.since', { time: dateTime(live.since) })}
                  </Text>
                ) : null}
              </Stack>
            ) : (
              <Skeleton h={40} />
            )}
          </Section>
          <Section title={t('systems.detail.uptime')}>
            <SimpleGrid cols={3}>
              {(
                [
                  ['uptimeDay', system.uptime.day],
                  ['uptimeMonth', system.uptime.month],
                  ['uptimeQuarter', system.uptime.quarter],
                ] as const
              ).map(([key, value]) => (
                <Paper key={key} withBorder p="xs" radius="md">
                  <Text size="xs" c="dimmed" fw={600}>
                    {t(`systems.detail.${key}`)}
                  </Text>
                  <Text fz={22} fw={700}>
                    {percent(value)}
                  </Text>
                </Paper>
              ))}
            </SimpleGrid>
          </Section>
        </SimpleGrid>

        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Section title={t('systems.dependsOn')}>{dependencyList(system.dependsOn, t('systems.dependsOnNone'))}</Section>
          <Section title={t('systems.neededBy')}>{dependencyList(system.neededBy, t('systems.neededByNone'))}</Section>
        </SimpleGrid>

        {system.dependsOn.length + system.neededBy.length > 0 ? (
          <Section title={t('systems.graph.neighbourhood', { name: system.name })}>
            <Stack gap="sm">
              <Text size="sm">{t('systems.graph.help')}</Text>
              {neighbourhood ? (
                <Suspense fallback={<Skeleton h={240} />}>
                  <DependencyGraph model={neighbourhood} label={t('systems.graph.label', { count: neighbourhood.nodes.length })} />
                </Suspense>
              ) : (
                <Skeleton h={240} />
              )}
            </Stack>
          </Section>
        ) : null}

        <Section title={t('systems.detail.details')}>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} component="dl" m={0}>
            <div>{field(t('systems.detail.id'), system.id)}</div>
            <div>
              {field(
                t('systems.detail.owner'),
                system.owner ? `${system.owner.name}${system.owner.email ? ` (${system.owner.email})` : ''}` : null,
              )}
            </div>
            <div>{field(t('systems.detail.vendor'), system.vendor)}</div>
            <div>{field(t('systems.detail.tier'), t(`systems.tiers.${system.tier === 1 ? '1' : system.tier === 2 ? '2' : '3'}`))}</div>
            <div>{field(t('systems.detail.category'), t(`systems.categories.${system.category}`))}</div>
            <div>{field(t('systems.detail.hosting'), system.hosting ? t(`systems.hosting.${system.hosting}`) : null)}</div>
            <div>{field(t('systems.detail.audience'), t(`systems.audiences.${system.audience}`))}</div>
            <div>{field(t('systems.detail.publicNameEn'), system.publicName?.en ?? null)}</div>
            <div>{field(t('systems.detail.publicNameEs'), system.publicName ? <span lang="es">{system.publicName.es}</span> : null)}</div>
            <div>
              {field(
                t('systems.detail.runbook'),
                system.runbookUrl ? (
                  <Anchor href={system.runbookUrl} target="_blank" rel="noopener noreferrer">
                    {t('systems.detail.openRunbook')}
                  </Anchor>
                ) : null,
              )}
            </div>
          </SimpleGrid>
          {system.description ? (
            <dl style={{ margin: 0 }}>
              {field(t('systems.detail.description'), <span style={{ whiteSpace: 'pre-wrap' }}>{system.description}</span>)}
            </dl>
          ) : null}
        </Section>

        <Section title={t('systems.detail.checks')}>
          <SystemChecks checks={system.checks} />
        </Section>

        <Section title={t('systems.detail.incidents')}>
          {system.recentIncidents.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('systems.detail.noIncidents')}
            </Text>
          ) : (
            <Table>
              <Table.Tbody>
                {system.recentIncidents.map((i) => (
                  <Table.Tr key={i.id}>
                    <Table.Th scope="row" fw={400}>
                      <Anchor component={Link} to={`/incidents/${i.id}`}>
                        {i.title[language]}
                      </Anchor>
                    </Table.Th>
                    <Table.Td>{t(`systems.detail.incidentStatuses.${i.status}`)}</Table.Td>
                    <Table.Td>
                      {t('systems.detail.incidentStarted', { time: dateTime(i.startedAt) })}
                      {i.resolvedAt ? `, ${t('systems.detail.incidentResolved', { time: dateTime(i.resolvedAt) })}` : ''}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Section>
      </Stack>
      {editing ? <SystemFormModal system={system} all={board ?? []} onClose={() => setEditing(false)} /> : null}
      {deleting ? <DeleteSystemModal system={system} onClose={() => setDeleting(false)} /> : null}
    </>
  );
}
