import { lazy, Suspense } from 'react';
import { Skeleton, Table, Text, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchIncidentStats, incidentKeys } from '../../api/incidents';
import { QueryError } from '../../components/QueryError';
import { Section } from '../../components/Section';
import { dateTimeFormat, localeFor, useFormat } from '../../i18n/format';
import { lastMonths } from './incident-months';
import { useDuration } from './incident-format';

// The chart library is the heaviest thing here: it loads after the figures, and only on this page.
const IncidentStatsChart = lazy(async () => ({ default: (await import('./IncidentStatsChart')).IncidentStatsChart }));

const MONTHS = 12;

/** Incidents per month with the mean time to detect and to resolve: a chart to look at, a table to read. */
export function IncidentStats() {
  const { t, i18n } = useTranslation();
  const { number } = useFormat();
  const duration = useDuration();
  const stats = useQuery({ queryKey: incidentKeys.stats, queryFn: fetchIncidentStats });
  const monthName = dateTimeFormat(localeFor(i18n.language), { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const label = (month: string) => monthName.format(new Date(`${month}-01T00:00:00Z`));
  const orDash = (s: number | null) => (s === null ? t('incidents.stats.none') : duration(s));

  if (stats.isError) return <QueryError error={stats.error} onRetry={stats.refetch} />;
  const months = lastMonths(stats.data ?? [], MONTHS).map((m) => ({ ...m, label: label(m.month) }));
  const total = months.reduce((sum, m) => sum + m.incidents, 0);

  return (
    <Section title={t('incidents.stats.title')}>
      <Text size="sm" c="dimmed" mb="sm">
        {t('incidents.stats.summary', { count: total, formatted: number(total) })}
      </Text>
      {stats.isPending ? (
        <Skeleton h={260} />
      ) : (
        <>
          <Suspense fallback={<Skeleton h={260} />}>
            <IncidentStatsChart months={months} />
          </Suspense>
          <VisuallyHidden>
            <Table>
              <caption>{t('incidents.stats.tableCaption')}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('incidents.stats.month')}</Table.Th>
                  <Table.Th scope="col">{t('incidents.stats.incidents')}</Table.Th>
                  <Table.Th scope="col">{t('incidents.stats.meanTtd')}</Table.Th>
                  <Table.Th scope="col">{t('incidents.stats.meanTtr')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {months.map((m) => (
                  <Table.Tr key={m.month}>
                    <Table.Th scope="row">{m.label}</Table.Th>
                    <Table.Td>{number(m.incidents)}</Table.Td>
                    <Table.Td>{orDash(m.meanTimeToDetectSeconds)}</Table.Td>
                    <Table.Td>{orDash(m.meanTimeToResolveSeconds)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </VisuallyHidden>
        </>
      )}
    </Section>
  );
}
