import { Anchor, Tabs } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { RequirePermission } from '../../auth/RequirePermission';
import { can, useMe } from '../../auth/me';
import { PageHeader } from '../../components/PageHeader';
import { CoverageReport } from './CoverageReport';
import { ForecastReport } from './ForecastReport';
import { LifecycleReport } from './LifecycleReport';

const tabs = ['coverage', 'forecast', 'lifecycle'] as const;
type Tab = (typeof tabs)[number];

/** The fleet in figures: 1:1 coverage by school, what replacing devices will cost, and how old they are. */
export function DeviceReportsPage() {
  return (
    <RequirePermission anyOf={['devices.summary']}>
      <Reports />
    </RequirePermission>
  );
}

function Reports() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const tab: Tab = (tabs as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'coverage';
  return (
    <>
      <PageHeader
        title={t('devices.reports.title')}
        description={t('devices.reports.description')}
        above={
          can(me, 'devices.read') ? (
            <Anchor component={Link} to="/devices" size="sm">
              {t('devices.backToList')}
            </Anchor>
          ) : null
        }
      />
      <Tabs value={tab} onChange={(v) => setParams(v && v !== 'coverage' ? { tab: v } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List aria-label={t('devices.reports.tabsLabel')}>
          {tabs.map((name) => (
            <Tabs.Tab key={name} value={name}>
              {t(`devices.reports.tabs.${name}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="coverage" pt="md">
          <CoverageReport />
        </Tabs.Panel>
        <Tabs.Panel value="forecast" pt="md">
          <ForecastReport />
        </Tabs.Panel>
        <Tabs.Panel value="lifecycle" pt="md">
          <LifecycleReport />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
