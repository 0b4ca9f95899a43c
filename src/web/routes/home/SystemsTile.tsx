import { lazy, Suspense } from 'react';
import { Skeleton } from '@mantine/core';
import { can, useMe } from '../../auth/me';

// Its code (and the systems schemas) load after the page, and only for accounts that may see systems.
const SystemsSummaryTile = lazy(async () => ({ default: (await import('../systems/SystemsSummaryTile')).SystemsSummaryTile }));

/** The systems' health on the CIO's dashboard: how many are down, impacted and operational. */
export function SystemsTile() {
  const me = useMe();
  if (!can(me, 'systems.read')) return null;
  return (
    <Suspense fallback={<Skeleton h={150} radius="md" />}>
      <SystemsSummaryTile />
    </Suspense>
  );
}
