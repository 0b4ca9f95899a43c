import { Alert, Progress, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { deviceKeys, fetchCoverage } from '../../api/devices';
import { Loading } from '../../components/Loading';
import { QueryError } from '../../components/QueryError';
import { useFormat } from '../../i18n/format';

/** 1:1 coverage: in each school, how many enrolled students hold a device, and where the rest of the fleet is. */
export function CoverageReport() {
  const { t } = useTranslation();
  const { number } = useFormat();
  const coverage = useQuery({ queryKey: deviceKeys.coverage, queryFn: fetchCoverage });
  if (coverage.isPending) return <Loading />;
  if (coverage.isError) return <QueryError error={coverage.error} onRetry={coverage.refetch} />;
  const c = coverage.data;
  const percent = (p: number | null) => (p === null ? '—' : `${number(p)} %`);
  const rows = [
    ...c.schools.map((s) => ({ ...s, key: s.schoolId, name: s.schoolName, total: false })),
    { ...c.totals, key: 'total', name: t('devices.reports.coverage.total'), total: true },
  ];

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {c.session ? t('devices.reports.coverage.session', { title: c.session.title }) : t('devices.reports.coverage.noSession')}
      </Text>
      {c.schools.length === 0 ? (
        <Alert color="blue">{t('devices.reports.coverage.none')}</Alert>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table striped verticalSpacing="sm" data-testid="coverage-table">
            <Table.Caption>{t('devices.reports.coverage.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('devices.fields.school')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('devices.reports.coverage.enrolled')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('devices.reports.coverage.withDevice')}
                </Table.Th>
                <Table.Th scope="col">{t('devices.reports.coverage.coverage')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('devices.status.in_repair')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('devices.status.lost')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('devices.status.stolen')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('devices.status.loaner')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('devices.status.in_stock')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.key} fw={r.total ? 700 : undefined}>
                  <Table.Th scope="row" fw={r.total ? 700 : 500}>
                    {r.name}
                  </Table.Th>
                  <Table.Td ta="right">{number(r.enrolledStudents)}</Table.Td>
                  <Table.Td ta="right">{number(r.studentsWithDevice)}</Table.Td>
                  <Table.Td miw={160}>
                    <Text size="sm">{percent(r.coveragePercent)}</Text>
                    {r.coveragePercent !== null ? (
                      <Progress
                        value={Math.min(100, r.coveragePercent)}
                        color={r.coveragePercent >= 95 ? 'teal.9' : r.coveragePercent >= 80 ? 'yellow.6' : 'red.9'}
                        aria-hidden="true"
                      />
                    ) : null}
                  </Table.Td>
                  <Table.Td ta="right">{number(r.devices.inRepair)}</Table.Td>
                  <Table.Td ta="right">{number(r.devices.lost)}</Table.Td>
                  <Table.Td ta="right">{number(r.devices.stolen)}</Table.Td>
                  <Table.Td ta="right">{number(r.devices.onLoan)}</Table.Td>
                  <Table.Td ta="right">{number(r.devices.inStock)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
