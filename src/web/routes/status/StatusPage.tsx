import { useId, type ReactNode } from 'react';
import { Alert, Button, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { worstStatus } from '../../../shared/api/status-page';
import { languageSchema } from '../../../shared/roles';
import { fetchStatusPage, type StatusPage as StatusPageData } from '../../api/status-page';
import { Loading } from '../../components/Loading';
import { QueryError } from '../../components/QueryError';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { useFormat } from '../../i18n/format';
import { IncidentCard } from './IncidentCard';
import { MaintenanceItem } from './MaintenanceItem';
import { StatusBadge } from './StatusBadge';
import { StatusFrame } from './StatusFrame';
import { isProblem, StatusGlyph, toneColor } from './status-tone';
import { BarLegend, UptimeBars } from './UptimeBars';
import { usePercent } from './use-percent';

/**
 * Polled, never pushed: a crowd of families holds no socket open, and the answer is cached by the
 * server, the browser and any proxy between. TanStack Query stops polling while the tab is hidden
 * and asks again as soon as it is shown.
 */
const REFRESH_MS = 60_000;

/** The public status page, no sign-in: /status, or /status?district=<id> when a server holds several districts. */
export function StatusPage() {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const district = params.get('district') ?? undefined;
  const lang = languageSchema.catch('en').parse(i18n.language);
  useDocumentTitle(t('statusPage.title'));
  const query = useQuery({
    queryKey: ['status-page', district ?? null, lang],
    queryFn: () => fetchStatusPage(lang, district),
    refetchInterval: REFRESH_MS,
    refetchOnWindowFocus: true,
    // While the other language loads, the page stays as it was rather than blinking empty.
    placeholderData: keepPreviousData,
  });

  return (
    <StatusFrame district={query.data?.district}>
      <Stack gap="lg">
        <div>
          <Title order={1}>{t('statusPage.title')}</Title>
          <Text c="dimmed" mt={4}>
            {t('statusPage.intro')}
          </Text>
        </div>
        {query.data ? (
          <StatusContent
            page={query.data}
            checkedAt={query.dataUpdatedAt}
            refreshFailed={query.isError}
            onRetry={() => void query.refetch()}
          />
        ) : query.isError ? (
          <QueryError error={query.error} onRetry={query.refetch} />
        ) : (
          <Loading />
        )}
      </Stack>
    </StatusFrame>
  );
}

interface StatusContentProps {
  page: StatusPageData;
  checkedAt: number;
  refreshFailed: boolean;
  onRetry: () => void;
}

function StatusContent({ page, checkedAt, refreshFailed, onRetry }: StatusContentProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const checked = format.dateTime(new Date(checkedAt).toISOString());
  const open = page.incidents.filter((i) => !i.resolvedAt);
  const recent = page.incidents.filter((i) => i.resolvedAt);
  return (
    <>
      <Banner page={page} />
      {refreshFailed ? (
        <Alert color="yellow" role="status" title={t('statusPage.refreshFailed', { time: checked })}>
          <Button size="xs" variant="default" onClick={onRetry}>
            {t('actions.retry')}
          </Button>
        </Alert>
      ) : (
        <Text size="sm" c="dimmed" mt={-8}>
          {t('statusPage.lastChecked', { time: checked })}
        </Text>
      )}
      {open.length > 0 ? (
        <PageSection title={t('statusPage.incidents.current')}>
          {open.map((i) => (
            <IncidentCard key={`${i.startedAt}-${i.title}`} incident={i} />
          ))}
        </PageSection>
      ) : null}
      <PageSection title={t('statusPage.systems.title')}>
        <Paper withBorder p="md" radius="md">
          {page.systems.length === 0 ? (
            <Text>{t('statusPage.systems.empty')}</Text>
          ) : (
            <Stack gap="lg">
              <Stack component="ul" gap="lg" m={0} p={0} style={{ listStyle: 'none' }}>
                {page.systems.map((s) => (
                  <SystemRow key={s.name} system={s} />
                ))}
              </Stack>
              <BarLegend />
            </Stack>
          )}
        </Paper>
      </PageSection>
      <PageSection title={t('statusPage.maintenance.title')}>
        {page.maintenance.length === 0 ? (
          <Text>{t('statusPage.maintenance.none')}</Text>
        ) : (
          page.maintenance.map((w) => <MaintenanceItem key={`${w.start}-${w.title}`} window={w} now={checkedAt} />)
        )}
      </PageSection>
      {recent.length > 0 ? (
        <PageSection title={t('statusPage.incidents.recent')}>
          {recent.map((i) => (
            <IncidentCard key={`${i.startedAt}-${i.title}`} incident={i} />
          ))}
        </PageSection>
      ) : null}
    </>
  );
}

/** The one sentence most visitors came for. Open incidents count even when every check still passes. */
function Banner({ page }: { page: StatusPageData }) {
  const { t } = useTranslation();
  const open = page.incidents.filter((i) => !i.resolvedAt);
  const level = worstStatus([page.overall, ...open.map((i) => i.impact)]);
  const [title, help] = isProblem(level)
    ? [
        t('statusPage.banner.problems'),
        open.length > 0 ? t('statusPage.banner.problemsWithUpdates') : t('statusPage.banner.problemsNoUpdates'),
      ]
    : level === 'maintenance'
      ? [t('statusPage.banner.maintenance'), t('statusPage.banner.maintenanceHelp')]
      : level === 'unknown'
        ? [t('statusPage.banner.unknown'), t('statusPage.banner.unknownHelp')]
        : [t('statusPage.banner.operational'), null];
  return (
    <Alert
      role="status"
      variant="light"
      color={toneColor[level]}
      radius="md"
      icon={
        <ThemeIcon color={toneColor[level]} radius="xl" size={32} aria-hidden="true">
          <StatusGlyph status={level} size={20} />
        </ThemeIcon>
      }
      title={
        <Text component="span" fw={700} size="lg">
          {title}
        </Text>
      }
    >
      {help}
    </Alert>
  );
}

function SystemRow({ system: s }: { system: StatusPageData['systems'][number] }) {
  const { t } = useTranslation();
  const percent = usePercent();
  const problemDays = s.days.filter((d) => isProblem(d.status)).length;
  return (
    <Stack component="li" gap={6}>
      <Group justify="space-between" align="flex-start" gap="xs">
        <Title order={3} size="h5">
          {s.name}
        </Title>
        <StatusBadge status={s.status} label={s.statusLabel} />
      </Group>
      <Text size="sm" c="dimmed">
        {s.uptime90d === null ? t('statusPage.systems.noUptime') : t('statusPage.systems.uptime', { percent: percent(s.uptime90d) })}{' '}
        {problemDays === 0 ? t('statusPage.systems.noProblemDays') : t('statusPage.systems.problemDays', { count: problemDays })}
      </Text>
      <UptimeBars name={s.name} days={s.days} />
    </Stack>
  );
}

function PageSection({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <Stack component="section" aria-labelledby={id} gap="sm">
      <Title order={2} size="h3" id={id}>
        {title}
      </Title>
      {children}
    </Stack>
  );
}
