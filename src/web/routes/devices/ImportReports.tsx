import { Alert, List, Stack, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BulkAssignReport, DeviceImportReport, GoogleDeviceImportReport } from '../../api/devices';
import { Section } from '../../components/Section';
import { useFormat } from '../../i18n/format';
import { ImportErrors } from '../roster/ImportErrors';

/** The reports of the device import page's three imports: counts, errors by row and column, warnings, Google's flags. */

export function AssignReport({ report }: { report: BulkAssignReport }) {
  const { t } = useTranslation();
  const { number } = useFormat();
  const c = report.counts;
  const summary = t('devices.import.assignCounts', {
    assigned: number(c.assigned),
    students: number(c.byType.student),
    staff: number(c.byType.staff),
    places: number(c.byType.cart + c.byType.room),
    overridden: number(c.holdsOverridden),
  });
  return (
    <Section title={t('devices.import.report')}>
      <Outcome report={report} summary={summary} />
    </Section>
  );
}

/** What every import report says: done (with its counts) or refused with nothing changed, the errors by row and column, and warnings. */
function Outcome({
  report,
  summary,
}: {
  report: Pick<DeviceImportReport, 'status' | 'file' | 'errors' | 'errorsTruncated' | 'warnings'>;
  summary: string;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      {report.status === 'ok' ? (
        <Alert color="green" role="status" title={t('devices.import.done', { file: report.file })}>
          {summary}
        </Alert>
      ) : (
        <Alert color="red" role="alert" title={t('devices.import.refused', { file: report.file })}>
          {t('devices.import.nothingChanged', { count: report.errors.length })}
        </Alert>
      )}
      {report.errors.length > 0 ? <ImportErrors errors={report.errors} truncated={report.errorsTruncated} /> : null}
      {report.warnings.length > 0 ? (
        <List size="sm" aria-label={t('devices.import.warnings')}>
          {report.warnings.map((w) => (
            <List.Item key={w}>{w}</List.Item>
          ))}
        </List>
      ) : null}
    </Stack>
  );
}

/** The device counts both device imports report. */
function useDeviceCounts(report: DeviceImportReport | GoogleDeviceImportReport): string {
  const { t } = useTranslation();
  const { number } = useFormat();
  const c = report.counts;
  return t('devices.import.counts', {
    rows: number(report.rows),
    created: number(c.devices.created),
    updated: number(c.devices.updated),
    unchanged: number(c.devices.unchanged),
    models: number(c.models.created),
  });
}

export function CsvReport({ report }: { report: DeviceImportReport }) {
  const { t } = useTranslation();
  const summary = useDeviceCounts(report);
  return (
    <Section title={t('devices.import.report')}>
      <Outcome report={report} summary={summary} />
    </Section>
  );
}

export function GoogleReport({ report }: { report: GoogleDeviceImportReport }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const summary = useDeviceCounts(report);
  const { stale, conflicts } = report.flags;
  return (
    <Section title={t('devices.import.report')}>
      <Stack gap="md">
        <Outcome report={report} summary={summary} />
        {report.status === 'ok' ? (
          <>
            <Title order={3} size="h5">
              {t('devices.import.conflicts', { count: conflicts.length })}
            </Title>
            {conflicts.length > 0 ? (
              <Table.ScrollContainer minWidth={560}>
                <Table striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('devices.fields.serial')}</Table.Th>
                      <Table.Th scope="col">{t('devices.import.conflictKind')}</Table.Th>
                      <Table.Th scope="col">{t('devices.import.detail')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {conflicts.map((c) => (
                      <Table.Tr key={`${c.serial}-${c.kind}`}>
                        <Table.Td ff="monospace">{c.serial}</Table.Td>
                        <Table.Td>{t(`devices.import.conflictKinds.${c.kind}`)}</Table.Td>
                        <Table.Td>{c.detail}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            ) : null}
            <Title order={3} size="h5">
              {t('devices.import.stale', { count: stale.length })}
            </Title>
            {stale.length > 0 ? (
              <Table.ScrollContainer minWidth={480}>
                <Table striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('devices.fields.serial')}</Table.Th>
                      <Table.Th scope="col">{t('devices.fields.assetTag')}</Table.Th>
                      <Table.Th scope="col">{t('devices.google.lastSync')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {stale.slice(0, 200).map((s) => (
                      <Table.Tr key={s.serial}>
                        <Table.Td ff="monospace">{s.serial}</Table.Td>
                        <Table.Td>{s.assetTag ?? '—'}</Table.Td>
                        <Table.Td>{dateTime(s.lastSync)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            ) : null}
          </>
        ) : null}
      </Stack>
    </Section>
  );
}
