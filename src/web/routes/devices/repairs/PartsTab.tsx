import { Stack } from '@mantine/core';
import { can, useMe } from '../../../auth/me';
import { PartsCatalog } from './PartsCatalog';
import { ReorderList } from './ReorderList';

/** What needs ordering first, then the whole catalog with stock per site. */
export function PartsTab() {
  const me = useMe();
  return (
    <Stack gap="xl">
      <ReorderList />
      <PartsCatalog manage={can(me, 'devices.manage')} />
    </Stack>
  );
}
