import { useState } from 'react';
import { Group, Select, Stack, Switch } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { repairStatuses, repairStatusSchema } from '../../../../shared/api/device-repair-fields';
import type { RepairStatus, RepairsQuery } from '../../../api/device-repairs';
import { useSchools } from './use-schools';
import { RepairsTable } from './RepairsTable';

const inProgress: readonly RepairStatus[] = ['open', 'sent_to_vendor', 'ready_for_pickup'];
export const REPAIRS_PAGE_SIZE = 25;

/** Repairs in progress, filtered by status and school; closed and cancelled ones on request. */
export function RepairsTab() {
  const { t } = useTranslation();
  const schools = useSchools();
  const [status, setStatus] = useState<RepairStatus | undefined>();
  const [schoolId, setSchoolId] = useState<string | undefined>();
  const [showClosed, setShowClosed] = useState(false);
  const [page, setPage] = useState(1);
  const statuses = showClosed ? repairStatuses : inProgress;
  const query: RepairsQuery = { open: showClosed ? undefined : 'true', status, schoolId, page, pageSize: REPAIRS_PAGE_SIZE };

  return (
    <Stack gap="md">
      <Group align="flex-end" gap="md">
        <Select
          label={t('repairs.list.status')}
          placeholder={t('repairs.list.allStatuses')}
          clearable
          data={statuses.map((s) => ({ value: s, label: t(`repairs.statuses.${s}`) }))}
          value={status ?? null}
          onChange={(v) => {
            setStatus(repairStatusSchema.safeParse(v).data);
            setPage(1);
          }}
          w={{ base: '100%', xs: 200 }}
        />
        <Select
          label={t('repairs.list.school')}
          placeholder={t('repairs.list.allSchools')}
          clearable
          searchable
          data={(schools.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
          value={schoolId ?? null}
          onChange={(v) => {
            setSchoolId(v ?? undefined);
            setPage(1);
          }}
          w={{ base: '100%', xs: 240 }}
        />
        <Switch
          label={t('repairs.list.showClosed')}
          checked={showClosed}
          onChange={(e) => {
            const on = e.currentTarget.checked;
            setShowClosed(on);
            if (!on && status && !inProgress.includes(status)) setStatus(undefined);
            setPage(1);
          }}
          mb={8}
        />
      </Group>
      <RepairsTable query={query} onPage={setPage} />
    </Stack>
  );
}
