import '@mantine/charts/styles.css';
import { useState } from 'react';
import { BarChart } from '@mantine/charts';
import { Alert, Button, Group, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { deviceKeys, fetchForecast, updateModel, type RefreshForecast } from '../../api/devices';
import { fetchSchools } from '../../api/people';
import { can, useMe } from '../../auth/me';
import { FormModal } from '../../components/FormModal';
import { Loading } from '../../components/Loading';
import { QueryError } from '../../components/QueryError';
import { StatTile } from '../../components/StatTile';
import { useWrite } from '../../components/useWrite';
import { useFormat } from '../../i18n/format';
import { useMoney } from './money';
import { MoneyInput } from '../../components/MoneyInput';

type ModelRow = RefreshForecast['byModel'][number];

/**
 * The refresh forecast: by school year, how many devices reach their auto-update expiration or
 * the end of their expected life, and what replacing them costs at each model's price.
 */
export function ForecastReport() {
  const { t } = useTranslation();
  const { number } = useFormat();
  const money = useMoney();
  const me = useMe();
  const [years, setYears] = useState(5);
  const [schoolId, setSchoolId] = useState<string | undefined>();
  const [pricing, setPricing] = useState<ModelRow | null>(null);
  const schools = useQuery({ queryKey: ['schools'], queryFn: fetchSchools, enabled: can(me, 'devices.read') || can(me, 'people.read') });
  const query = { years, schoolId };
  const forecast = useQuery({
    queryKey: deviceKeys.forecast(query),
    queryFn: () => fetchForecast(query),
    placeholderData: keepPreviousData,
  });

  if (forecast.isPending) return <Loading />;
  if (forecast.isError) return <QueryError error={forecast.error} onRetry={forecast.refetch} />;
  const f = forecast.data;
  const chart = f.years.map((y) => ({ year: y.label, aue: y.reachingAue, eol: y.reachingEndOfLife, cost: Number(y.cost) }));
  const unpriced = f.totals.unpricedDevices + f.overdue.unpricedDevices;

  return (
    <Stack gap="lg">
      <Group align="flex-end" gap="sm">
        <Select
          label={t('devices.reports.forecast.horizon')}
          data={[3, 5, 7, 10].map((n) => ({ value: String(n), label: t('devices.reports.forecast.years', { count: n }) }))}
          value={String(years)}
          onChange={(v) => setYears(Number(v ?? 5))}
          allowDeselect={false}
          w={180}
        />
        {schools.data ? (
          <Select
            label={t('devices.filters.school')}
            placeholder={t('devices.filters.allSchools')}
            clearable
            searchable
            data={schools.data.map((s) => ({ value: s.id, label: s.name }))}
            value={schoolId ?? null}
            onChange={(v) => setSchoolId(v ?? undefined)}
            w={240}
          />
        ) : null}
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <StatTile label={t('devices.reports.forecast.overdue')} value={f.overdue.devices} />
        <StatTile label={t('devices.reports.forecast.dueInHorizon', { count: years })} value={f.totals.devices} />
        <StatTile label={t('devices.reports.forecast.unknown')} value={f.unknownDates.devices} />
      </SimpleGrid>
      <Text>
        {t('devices.reports.forecast.costSummary', {
          overdue: money(f.overdue.cost),
          horizon: money(f.totals.cost),
          count: years,
        })}
        {unpriced > 0 ? ` ${t('devices.reports.forecast.unpriced', { count: unpriced })}` : ''}
      </Text>

      <figure aria-labelledby="forecast-chart-title" style={{ margin: 0 }}>
        <Title order={2} size="h4" id="forecast-chart-title" mb="xs">
          {t('devices.reports.forecast.chartTitle')}
        </Title>
        <SimpleGrid cols={{ base: 1, md: 2 }} aria-hidden="true">
          <BarChart
            h={260}
            data={chart}
            dataKey="year"
            type="stacked"
            series={[
              { name: 'aue', label: t('devices.reports.forecast.reachingAue'), color: 'orange.7' },
              { name: 'eol', label: t('devices.reports.forecast.reachingEol'), color: 'blue.8' },
            ]}
            valueFormatter={number}
            withLegend
            tickLine="y"
            gridAxis="y"
            yAxisProps={{ allowDecimals: false }}
          />
          <BarChart
            h={260}
            data={chart}
            dataKey="year"
            series={[{ name: 'cost', label: t('devices.reports.forecast.cost'), color: 'teal.8' }]}
            valueFormatter={(v) => money(v)}
            withLegend
            tickLine="y"
            gridAxis="y"
          />
        </SimpleGrid>
        <Table.ScrollContainer minWidth={640} mt="md">
          <Table striped data-testid="forecast-years">
            <Table.Caption>{t('devices.reports.forecast.tableCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('devices.reports.forecast.schoolYear')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('devices.reports.forecast.devices')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('devices.reports.forecast.reachingAue')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('devices.reports.forecast.reachingEol')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('devices.reports.forecast.cost')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th scope="row">{t('devices.reports.forecast.overdueRow')}</Table.Th>
                <Table.Td ta="right">{number(f.overdue.devices)}</Table.Td>
                <Table.Td ta="right">{number(f.overdue.reachingAue)}</Table.Td>
                <Table.Td ta="right">{number(f.overdue.reachingEndOfLife)}</Table.Td>
                <Table.Td ta="right">{money(f.overdue.cost)}</Table.Td>
              </Table.Tr>
              {f.years.map((y) => (
                <Table.Tr key={y.schoolYear}>
                  <Table.Th scope="row">{y.label}</Table.Th>
                  <Table.Td ta="right">{number(y.devices)}</Table.Td>
                  <Table.Td ta="right">{number(y.reachingAue)}</Table.Td>
                  <Table.Td ta="right">{number(y.reachingEndOfLife)}</Table.Td>
                  <Table.Td ta="right">{money(y.cost)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </figure>

      <section aria-labelledby="forecast-models">
        <Title order={2} size="h4" id="forecast-models" mb="xs">
          {t('devices.reports.forecast.byModel')}
        </Title>
        <Text size="sm" c="dimmed" mb="xs">
          {t('devices.reports.forecast.byModelHelp')}
        </Text>
        <Table.ScrollContainer minWidth={760}>
          <Table striped data-testid="forecast-models">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('devices.fields.model')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('devices.reports.forecast.price')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('devices.reports.forecast.fleet')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('devices.reports.forecast.overdueRow')}
                </Table.Th>
                {f.years.map((y) => (
                  <Table.Th key={y.schoolYear} scope="col" ta="right">
                    {y.label}
                  </Table.Th>
                ))}
                <Table.Th scope="col" ta="right">
                  {t('devices.reports.forecast.totalCost')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {f.byModel.map((m) => (
                <Table.Tr key={m.modelId ?? 'none'}>
                  <Table.Th scope="row" fw={500}>
                    {[m.manufacturer, m.modelName].filter(Boolean).join(' ') || t('devices.noModel')}
                  </Table.Th>
                  <Table.Td ta="right">
                    {m.replacementPrice ? money(m.replacementPrice) : t('devices.reports.forecast.noPrice')}
                    {m.modelId && can(me, 'devices.manage') ? (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        ml={4}
                        onClick={() => setPricing(m)}
                        aria-label={t('devices.reports.forecast.editPriceOf', { model: m.modelName ?? '' })}
                      >
                        {t('actions.edit')}
                      </Button>
                    ) : null}
                  </Table.Td>
                  <Table.Td ta="right">{number(m.fleet)}</Table.Td>
                  <Table.Td ta="right">{m.overdue.devices > 0 ? `${number(m.overdue.devices)} · ${money(m.overdue.cost)}` : '—'}</Table.Td>
                  {m.years.map((y) => (
                    <Table.Td key={y.schoolYear} ta="right">
                      {y.devices > 0 ? `${number(y.devices)} · ${money(y.cost)}` : '—'}
                    </Table.Td>
                  ))}
                  <Table.Td ta="right">{money(m.total.cost)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </section>
      {f.unknownDates.devices > 0 ? (
        <Alert color="yellow" title={t('devices.reports.forecast.unknownTitle', { count: f.unknownDates.devices })}>
          {t('devices.reports.forecast.unknownBody', {
            noModel: number(f.unknownDates.noModel),
            noPurchaseDate: number(f.unknownDates.noPurchaseDate),
            noExpectedLife: number(f.unknownDates.noExpectedLife),
          })}
        </Alert>
      ) : null}
      {pricing ? <PriceModal model={pricing} onClose={() => setPricing(null)} /> : null}
    </Stack>
  );
}

/** The price a model is replaced at: the forecast's costs follow it at once. */
function PriceModal({ model, onClose }: { model: ModelRow; onClose: () => void }) {
  const { t } = useTranslation();
  const [price, setPrice] = useState<number | string>(model.replacementPrice ? Number(model.replacementPrice) : '');
  const { busy, error, run } = useWrite();
  const save = async () => {
    const ok = await run(
      () => updateModel(model.modelId!, { replacementPrice: price === '' ? null : Number(price).toFixed(2) }),
      () => t('devices.reports.forecast.priceSaved', { model: model.modelName ?? '' }),
    );
    if (ok) onClose();
  };
  return (
    <FormModal
      title={t('devices.reports.forecast.priceTitle', { model: model.modelName ?? '' })}
      onClose={onClose}
      onSubmit={save}
      busy={busy}
      error={error}
      submitLabel={t('actions.save')}
    >
      <MoneyInput
        label={t('devices.reports.forecast.price')}
        description={t('devices.reports.forecast.priceHelp')}
        value={price}
        onChange={setPrice}
        data-autofocus
      />
    </FormModal>
  );
}
