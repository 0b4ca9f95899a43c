import { Anchor, Tabs } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { RequirePermission } from '../../../auth/RequirePermission';
import { PageHeader } from '../../../components/PageHeader';
import { FeesTab } from './FeesTab';
import { LoanersTab } from './LoanersTab';
import { PartsTab } from './PartsTab';
import { RepairsTab } from './RepairsTab';

const tabs = ['repairs', 'loaners', 'fees', 'parts'] as const;
type Tab = (typeof tabs)[number];
const isTab = (value: string | null): value is Tab => (tabs as readonly string[]).includes(value ?? '');

/** The IT repairs desk: repairs in progress, loaner pools and overdue loaners, fees owed and the price list, parts and stock. */
export function RepairsPage() {
  return (
    <RequirePermission anyOf={['devices.read']}>
      <RepairsDesk />
    </RequirePermission>
  );
}

function RepairsDesk() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const tab: Tab = isTab(requested) ? requested : 'repairs';
  return (
    <>
      <PageHeader
        title={t('repairs.title')}
        description={t('repairs.description')}
        above={
          <Anchor component={Link} to="/devices" size="sm">
            {t('repairs.backToDevices')}
          </Anchor>
        }
      />
      <Tabs value={tab} onChange={(v) => setParams(v && v !== 'repairs' ? { tab: v } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List aria-label={t('repairs.tabsLabel')}>
          {tabs.map((name) => (
            <Tabs.Tab key={name} value={name}>
              {t(`repairs.tabs.${name}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="repairs" pt="md">
          <RepairsTab />
        </Tabs.Panel>
        <Tabs.Panel value="loaners" pt="md">
          <LoanersTab />
        </Tabs.Panel>
        <Tabs.Panel value="fees" pt="md">
          <FeesTab />
        </Tabs.Panel>
        <Tabs.Panel value="parts" pt="md">
          <PartsTab />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
