import { Stack } from '@mantine/core';
import { can, useMe } from '../../../auth/me';
import { BalancesTable } from './BalancesTable';
import { PriceList } from './PriceList';

/** Who owes what, and the price list the charges come from. */
export function FeesTab() {
  const me = useMe();
  return (
    <Stack gap="xl">
      <BalancesTable />
      <PriceList manage={can(me, 'devices.manage')} />
    </Stack>
  );
}
