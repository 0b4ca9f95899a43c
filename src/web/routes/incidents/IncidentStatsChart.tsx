import '@mantine/charts/styles.css';
import { BarChart, LineChart } from '@mantine/charts';
import { SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { IncidentMonth } from '../../api/incidents';
import { useFormat } from '../../i18n/format';
import { useDuration } from './incident-format';

interface IncidentStatsChartProps {
  months: (IncidentMonth & { label: string })[];
}

const minutes = (seconds: number | null) => (seconds === null ? null : Math.round((seconds / 60) * 10) / 10);

/** Two charts side by side: how many incidents, and how fast they were noticed and fixed. The same figures are in a table for screen readers. */
export function IncidentStatsChart({ months }: IncidentStatsChartProps) {
  const { t } = useTranslation();
  const { number } = useFormat();
  const duration = useDuration();
  const counts = months.map((m) => ({ month: m.label, incidents: m.incidents }));
  const times = months.map((m) => ({ month: m.label, ttd: minutes(m.meanTimeToDetectSeconds), ttr: minutes(m.meanTimeToResolveSeconds) }));

  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} aria-hidden="true">
      <div>
        <Text size="sm" fw={600} mb="xs">
          {t('incidents.stats.perMonth')}
        </Text>
        <BarChart
          h={240}
          data={counts}
          dataKey="month"
          series={[{ name: 'incidents', label: t('incidents.stats.incidents'), color: 'red.8' }]}
          valueFormatter={number}
          tickLine="y"
          gridAxis="y"
          yAxisProps={{ allowDecimals: false }}
        />
      </div>
      <div>
        <Text size="sm" fw={600} mb="xs">
          {t('incidents.stats.times')}
        </Text>
        <LineChart
          h={240}
          data={times}
          dataKey="month"
          series={[
            { name: 'ttd', label: t('incidents.stats.meanTtd'), color: 'orange.8' },
            { name: 'ttr', label: t('incidents.stats.meanTtr'), color: 'blue.8' },
          ]}
          valueFormatter={(m) => duration(m * 60)}
          withLegend
          connectNulls
          tickLine="y"
          gridAxis="y"
        />
      </div>
    </SimpleGrid>
  );
}
