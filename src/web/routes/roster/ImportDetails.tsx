import { Alert, List, Progress, Stack, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchImport, type RosterImport } from '../../api/rostering';
import { Loading } from '../../components/Loading';
import { QueryError } from '../../components/QueryError';
import { Section } from '../../components/Section';
import { useFormat } from '../../i18n/format';
import { ImportCounts } from './ImportCounts';
import { ImportErrors } from './ImportErrors';

const running = (i: RosterImport | undefined) => i?.status === 'queued' || i?.status === 'running';

/** One import: a progress bar while it runs (polled), then what changed or the rows that stopped it. */
export function ImportDetails({ id }: { id: string }) {
  const { t } = useTranslation();
  const { dateTime, number } = useFormat();
  const query = useQuery({
    queryKey: ['roster-import', id],
    queryFn: () => fetchImport(id),
    refetchInterval: (q) => (running(q.state.data) ? 1000 : false),
  });
  const queryClient = useQueryClient();
  const ended = query.data !== undefined && !running(query.data);
  useEffect(() => {
    // Once it ends, the history's row and every roster figure on other pages are out of date.
    if (!ended) return;
    for (const key of ['roster-imports', 'people', 'person', 'schools', 'school', 'classes', 'class', 'district-summary']) {
      void queryClient.invalidateQueries({ queryKey: [key] });
    }
  }, [ended, queryClient]);

  if (query.isPending) return <Loading />;
  if (query.isError) return <QueryError error={query.error} onRetry={query.refetch} />;
  const imp = query.data;
  const progress = imp.progress;

  return (
    <Section title={t('roster.detailsTitle', { name: imp.fileName ?? t('roster.noName') })}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('roster.startedBy', { who: imp.actorLabel, when: dateTime(imp.createdAt) })}
        </Text>
        {running(imp) ? (
          <Stack gap={4} role="status">
            <Text>
              {t(`roster.phases.${progress?.phase ?? 'queued'}`)}
              {progress?.file ? ` · ${progress.file}` : ''}
              {progress && progress.rowsRead > 0 ? ` · ${t('roster.rowsRead', { rows: number(progress.rowsRead) })}` : ''}
            </Text>
            <Progress value={progress?.percent ?? 0} animated aria-label={t('roster.progressLabel')} />
          </Stack>
        ) : imp.status === 'succeeded' ? (
          <Alert color="green" role="status" title={t('roster.succeededTitle')}>
            {t('roster.succeeded', { version: imp.version ?? '' })}
          </Alert>
        ) : (
          <Alert color="red" role="alert" title={t('roster.failedTitle')}>
            {t('roster.failed')}
          </Alert>
        )}
        {imp.errors.length > 0 ? <ImportErrors errors={imp.errors} truncated={imp.errorsTruncated} /> : null}
        {imp.status === 'succeeded' && Object.keys(imp.counts).length > 0 ? <ImportCounts counts={imp.counts} /> : null}
        {imp.warnings.length > 0 ? (
          <>
            <Text fw={600}>{t('roster.warnings')}</Text>
            <List size="sm">
              {imp.warnings.map((w) => (
                <List.Item key={w}>{w}</List.Item>
              ))}
            </List>
          </>
        ) : null}
      </Stack>
    </Section>
  );
}
