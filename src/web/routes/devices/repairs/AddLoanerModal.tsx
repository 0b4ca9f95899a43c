import { useState } from 'react';
import { Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { addToLoanerPool } from '../../../api/device-repairs';
import { fetchDevices } from '../../../api/devices';
import { FormModal } from '../../../components/FormModal';
import { useSchools } from './use-schools';
import { FormProblem, useWrite } from '../../../components/useWrite';

/** Puts a device in a school's loaner pool by its asset tag (typed or scanned). */
export function AddLoanerModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const schools = useSchools();
  const [tag, setTag] = useState('');
  const [schoolId, setSchoolId] = useState<string | null>(null);
  const { busy, error, run } = useWrite();
  const schoolName = schools.data?.find((s) => s.id === schoolId)?.name ?? '';

  const save = async () => {
    const wanted = tag.trim();
    if (!wanted || !schoolId) return;
    let found = wanted;
    const ok = await run(
      async () => {
        const { items } = await fetchDevices({ q: wanted, pageSize: 10 });
        const device = items.find((d) => d.assetTag?.toLowerCase() === wanted.toLowerCase());
        if (!device) throw new FormProblem(t('repairs.loaners.noSuchTag', { tag: wanted }));
        found = device.assetTag ?? wanted;
        await addToLoanerPool(device.id, schoolId);
      },
      () => t('repairs.loaners.added', { tag: found, school: schoolName }),
    );
    if (ok) onClose();
  };

  return (
    <FormModal
      title={t('repairs.loaners.addTitle')}
      onClose={onClose}
      onSubmit={save}
      busy={busy}
      error={error}
      submitLabel={t('actions.save')}
      canSubmit={!(!tag.trim() || !schoolId)}
    >
      <TextInput
        label={t('repairs.loaners.assetTag')}
        description={t('repairs.loaners.assetTagHelp')}
        value={tag}
        onChange={(e) => setTag(e.currentTarget.value)}
        required
        autoComplete="off"
        data-autofocus
      />
      <Select
        label={t('repairs.loaners.school')}
        data={(schools.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
        value={schoolId}
        onChange={setSchoolId}
        searchable
        required
      />
    </FormModal>
  );
}
