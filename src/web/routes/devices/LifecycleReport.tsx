import { Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { deviceKeys, fetchLifecycle, type Lifecycle } from '../../api/devices';
import { Loading } from '../../components/Loading';
import { QueryError } from '../../components/QueryError';
import { useFormat } from '../../i18n/format';
import { useMoney } from './money';

const ages = ['under1', 'years1to2', 'years2to3', 'years3to4', 'years4to5', 'years5plus', 'unknown'] as const;
const aue = ['past', 'withinYear', 'later', 'unknown'] as const;

/** The fleet by model: how old the devices are and when they stop getting updates. */
export function LifecycleReport() {
  const { t } = useTranslation();
  const { number, date } = useFormat();
  const money = useMoney();
  const lifecycle = useQuery({ queryKey: deviceKeys.lifecycle(), queryFn: () => fetchLifecycle() });
  if (lifecycle.isPending) return <Loading />;
  if (lifecycle.isError) return <QueryError error={lifecycle.error} onRetry={lifecycle.refetch} />;
  const l = lifecycle.data;
  type Row = Lifecycle['models'][number];
  const label = (m: Row) => [m.manufacturer, m.modelName].filter(Boolean).join(' ') || t('devices.noModel');

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('devices.reports.lifecycle.asOf', { date: date(l.asOf) })}
      </Text>
      <Table.ScrollContainer minWidth={1100}>
        <Table striped verticalSpacing="xs" data-testid="lifecycle-table">
          <Table.Caption>{t('devices.reports.lifecycle.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" rowSpan={2}>
                {t('devices.fields.model')}
              </Table.Th>
              <Table.Th scope="col" rowSpan={2} ta="right">
                {t('devices.reports.lifecycle.devices')}
              </Table.Th>
              <Table.Th scope="colgroup" colSpan={ages.length} ta="center">
                {t('devices.reports.lifecycle.age')}
              </Table.Th>
              <Table.Th scope="colgroup" colSpan={aue.length} ta="center">
                {t('devices.fields.aue')}
              </Table.Th>
              <Table.Th scope="col" rowSpan={2} ta="right">
                {t('devices.reports.lifecycle.pastEol')}
              </Table.Th>
            </Table.Tr>
            <Table.Tr>
              {ages.map((a) => (
                <Table.Th key={a} scope="col" ta="right">
                  {t(`devices.reports.lifecycle.ages.${a}`)}
                </Table.Th>
              ))}
              {aue.map((a) => (
                <Table.Th key={a} scope="col" ta="right">
                  {t(`devices.reports.lifecycle.aue.${a}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {l.models.map((m) => (
              <Table.Tr key={m.modelId ?? 'none'}>
                <Table.Th scope="row" fw={500}>
                  {label(m)}
                  <Text size="xs" c="dimmed">
                    {[
                      m.aueDate ? t('devices.reports.lifecycle.modelAue', { date: date(m.aueDate) }) : null,
                      m.expectedLifeYears ? t('devices.reports.lifecycle.life', { count: m.expectedLifeYears }) : null,
                      m.replacementPrice ? money(m.replacementPrice) : null,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Text>
                </Table.Th>
                <Table.Td ta="right">{number(m.devices)}</Table.Td>
                {ages.map((a) => (
                  <Table.Td key={a} ta="right">
                    {number(m.byAge[a])}
                  </Table.Td>
                ))}
                {aue.map((a) => (
                  <Table.Td key={a} ta="right" c={a === 'past' && m.aue.past > 0 ? 'red.9' : undefined}>
                    {number(m.aue[a])}
                  </Table.Td>
                ))}
                <Table.Td ta="right">{number(m.pastEndOfLife)}</Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr fw={700}>
              <Table.Th scope="row">{t('devices.reports.coverage.total')}</Table.Th>
              <Table.Td ta="right">{number(l.totals.devices)}</Table.Td>
              {ages.map((a) => (
                <Table.Td key={a} ta="right">
                  {number(l.totals.byAge[a])}
                </Table.Td>
              ))}
              {aue.map((a) => (
                <Table.Td key={a} ta="right">
                  {number(l.totals.aue[a])}
                </Table.Td>
              ))}
              <Table.Td ta="right">{number(l.totals.pastEndOfLife)}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
