import { Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchLoanerPool, removeFromLoanerPool, repairKeys, type LoanerPoolItem } from '../../../api/device-repairs';
import { Loading } from '../../../components/Loading';
import { QueryError } from '../../../components/QueryError';
import { LoanerPoolTable } from './LoanerPoolTable';
import { useWrite } from '../../../components/useWrite';
import { WriteError } from '../../../components/WriteError';

/** Every school's loaner pool, one table each. */
export function LoanerPools({ manage }: { manage: boolean }) {
  const { t } = useTranslation();
  const pool = useQuery({ queryKey: repairKeys.pool({}), queryFn: () => fetchLoanerPool() });
  const { error, run } = useWrite();
  if (pool.isPending) return <Loading />;
  if (pool.isError) return <QueryError error={pool.error} onRetry={pool.refetch} />;
  if (pool.data.items.length === 0) return <Text>{t('repairs.loaners.noPools')}</Text>;

  const bySchool = new Map<string, { name: string; items: LoanerPoolItem[] }>();
  for (const item of pool.data.items) {
    const school = bySchool.get(item.poolSchoolId) ?? { name: item.poolSchoolName, items: [] };
    school.items.push(item);
    bySchool.set(item.poolSchoolId, school);
  }
  const remove = (item: LoanerPoolItem) => {
    const tag = item.device.assetTag ?? item.device.serial;
    void run(
      () => removeFromLoanerPool(item.device.id),
      () => t('repairs.loaners.removed', { tag }),
    );
  };

  return (
    <Stack gap="lg">
      <WriteError error={error} />
      {[...bySchool.entries()].map(([schoolId, school]) => (
        <LoanerPoolTable key={schoolId} school={school.name} items={school.items} onRemove={manage ? remove : undefined} />
      ))}
    </Stack>
  );
}
