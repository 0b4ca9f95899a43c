import { useState } from 'react';
import { Anchor, Code, NumberInput, Stack, Tabs, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { googleImportLimits } from '../../../shared/api/device-imports';
import { deviceLimits } from '../../../shared/api/devices';
import {
  deviceKeys,
  importAssignmentsCsv,
  importDevicesCsv,
  importGoogleDevices,
  type BulkAssignReport,
  type DeviceImportReport,
  type GoogleDeviceImportReport,
} from '../../api/devices';
import { RequirePermission } from '../../auth/RequirePermission';
import { FileDrop, type FileDropText } from '../../components/FileDrop';
import { PageHeader } from '../../components/PageHeader';
import { Section } from '../../components/Section';
import { useFormat } from '../../i18n/format';
import { AssignReport, CsvReport, GoogleReport } from './ImportReports';

/** Two ways devices arrive: Google Admin's Chrome device export, and any asset spreadsheet as CSV. */
export function DeviceImportPage() {
  return (
    <RequirePermission anyOf={['devices.manage']}>
      <DeviceImport />
    </RequirePermission>
  );
}

function useDropText(): FileDropText {
  const { t } = useTranslation();
  const { number } = useFormat();
  return {
    drop: t('devices.import.drop'),
    help: t('devices.import.dropHelp'),
    choose: t('devices.import.choose'),
    dropLabel: t('devices.import.dropLabel'),
    fileInput: t('devices.import.fileInput'),
    failed: t('devices.import.failed'),
    tooBig: t('devices.import.tooBig', { mb: number(deviceLimits.importMaxBytes / 1024 / 1024) }),
    wrongType: t('devices.import.wrongType'),
    sending: (name, percent) => t('devices.import.sending', { name, percent }),
    sendingLabel: t('devices.import.sendingLabel'),
  };
}

const csvAccept = { 'text/csv': ['.csv'], 'application/vnd.ms-excel': ['.csv'], 'text/plain': ['.csv', '.txt'] };

function DeviceImport() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const text = useDropText();
  const [staleDays, setStaleDays] = useState<number>(googleImportLimits.staleDaysDefault);
  const [google, setGoogle] = useState<GoogleDeviceImportReport | null>(null);
  const [csv, setCsv] = useState<DeviceImportReport | null>(null);
  const [assign, setAssign] = useState<BulkAssignReport | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: deviceKeys.all });

  return (
    <>
      <PageHeader
        title={t('devices.import.title')}
        description={t('devices.import.description')}
        above={
          <Anchor component={Link} to="/devices" size="sm">
            {t('devices.backToList')}
          </Anchor>
        }
      />
      <Tabs defaultValue="google" keepMounted={false}>
        <Tabs.List aria-label={t('devices.import.tabsLabel')}>
          <Tabs.Tab value="google">{t('devices.import.googleTab')}</Tabs.Tab>
          <Tabs.Tab value="csv">{t('devices.import.csvTab')}</Tabs.Tab>
          <Tabs.Tab value="assignments">{t('devices.import.assignTab')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="google" pt="md">
          <Stack gap="md">
            <Section title={t('devices.import.googleTitle')}>
              <Text size="sm" mb="sm">
                {t('devices.import.googleHelp')}
              </Text>
              <FileDrop
                accept={{ ...csvAccept, 'application/json': ['.json'] }}
                maxBytes={deviceLimits.importMaxBytes}
                text={{ ...text, help: t('devices.import.googleDropHelp') }}
                send={async (file, onProgress) => {
                  setGoogle(null);
                  setGoogle(await importGoogleDevices(file, staleDays, onProgress));
                  await refresh();
                }}
              >
                <NumberInput
                  label={t('devices.import.staleDays')}
                  description={t('devices.import.staleDaysHelp')}
                  value={staleDays}
                  onChange={(v) => setStaleDays(typeof v === 'number' ? v : googleImportLimits.staleDaysDefault)}
                  min={1}
                  max={googleImportLimits.staleDaysMax}
                  w={260}
                />
              </FileDrop>
            </Section>
            {google ? <GoogleReport report={google} /> : null}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="csv" pt="md">
          <Stack gap="md">
            <Section title={t('devices.import.csvTitle')}>
              <Text size="sm" mb="sm">
                {t('devices.import.csvHelp')}
              </Text>
              <Code block mb="sm">
                asset tag,serial,model,manufacturer,category,status,school,location,purchase date,cost,funding source,warranty end,aue
                date,notes
              </Code>
              <Text size="sm" mb="sm">
                {t('devices.import.csvCustomHelp')}
              </Text>
              <FileDrop
                accept={csvAccept}
                maxBytes={deviceLimits.importMaxBytes}
                text={{ ...text, help: t('devices.import.csvDropHelp') }}
                send={async (file, onProgress) => {
                  setCsv(null);
                  setCsv(await importDevicesCsv(file, onProgress));
                  await refresh();
                }}
              />
            </Section>
            {csv ? <CsvReport report={csv} /> : null}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="assignments" pt="md">
          <Stack gap="md">
            <Section title={t('devices.import.assignTitle')}>
              <Text size="sm" mb="sm">
                {t('devices.import.assignHelp')}
              </Text>
              <Code block mb="sm">
                asset tag,assignee,assignee type,condition,accessories,due date,hold override reason
              </Code>
              <FileDrop
                accept={csvAccept}
                maxBytes={deviceLimits.importMaxBytes}
                text={{ ...text, help: t('devices.import.csvDropHelp') }}
                send={async (file, onProgress) => {
                  setAssign(null);
                  setAssign(await importAssignmentsCsv(file, onProgress));
                  await refresh();
                }}
              />
            </Section>
            {assign ? <AssignReport report={assign} /> : null}
          </Stack>
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
