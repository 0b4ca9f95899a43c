import { useState } from 'react';
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../../../auth/me';
import { AddLoanerModal } from './AddLoanerModal';
import { LoanerPools } from './LoanerPools';
import { OverdueLoans } from './OverdueLoans';

/** What is overdue first (it needs chasing), then each school's pool. */
export function LoanersTab() {
  const { t } = useTranslation();
  const me = useMe();
  const manage = can(me, 'devices.manage');
  const [adding, setAdding] = useState(false);
  return (
    <Stack gap="xl">
      <OverdueLoans />
      <Stack gap="sm" component="section" aria-labelledby="loaner-pools">
        <Group justify="space-between" align="flex-end">
          <div>
            <Title order={2} size="h4" id="loaner-pools">
              {t('repairs.loaners.poolsTitle')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('repairs.loaners.poolsHelp')}
            </Text>
          </div>
          {manage ? <Button onClick={() => setAdding(true)}>{t('repairs.loaners.add')}</Button> : null}
        </Group>
        <LoanerPools manage={manage} />
      </Stack>
      {adding ? <AddLoanerModal onClose={() => setAdding(false)} /> : null}
    </Stack>
  );
}
