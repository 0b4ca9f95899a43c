import { useState } from 'react';
import { NumberInput, Select, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { createPart } from '../../../api/device-repairs';
import { deviceKeys, fetchModels } from '../../../api/devices';
import { FormModal } from '../../../components/FormModal';
import { toCount, toMoney } from './money-input';
import { useWrite } from '../../../components/useWrite';
import { MoneyInput } from '../../../components/MoneyInput';

/** A new part in the catalog: its name, SKU, cost, the model it fits (if only one) and its reorder level. */
export function AddPartModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const models = useQuery({ queryKey: deviceKeys.models, queryFn: fetchModels });
  const [name, setName] = useState('');
  const [sku, setSku] = useState('');
  const [cost, setCost] = useState<number | string>('');
  const [modelId, setModelId] = useState<string | null>(null);
  const [reorderLevel, setReorderLevel] = useState<number | string>(0);
  const { busy, error, run } = useWrite();
  const costText = toMoney(cost);
  const ready = name.trim() !== '' && sku.trim() !== '' && costText !== undefined;

  const save = async () => {
    if (!ready) return;
    const body = { name: name.trim(), sku: sku.trim(), cost: costText, modelId, reorderLevel: toCount(reorderLevel) ?? 0 };
    if (
      await run(
        () => createPart(body),
        () => t('repairs.parts.added', { name: body.name }),
      )
    )
      onClose();
  };

  return (
    <FormModal
      title={t('repairs.parts.addTitle')}
      onClose={onClose}
      onSubmit={save}
      busy={busy}
      error={error}
      submitLabel={t('actions.save')}
      canSubmit={!!ready}
    >
      <TextInput label={t('repairs.parts.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required data-autofocus />
      <TextInput label={t('repairs.parts.sku')} value={sku} onChange={(e) => setSku(e.currentTarget.value)} required autoComplete="off" />
      <MoneyInput label={t('repairs.parts.cost')} value={cost} onChange={setCost} required />
      <Select
        label={t('repairs.parts.model')}
        placeholder={t('repairs.parts.anyModel')}
        data={(models.data?.items ?? []).map((m) => ({ value: m.id, label: [m.manufacturer, m.name].filter(Boolean).join(' ') }))}
        value={modelId}
        onChange={setModelId}
        clearable
        searchable
      />
      <NumberInput
        label={t('repairs.parts.reorderLevel')}
        description={t('repairs.parts.reorderLevelHelp')}
        value={reorderLevel}
        onChange={setReorderLevel}
        min={0}
        allowDecimal={false}
      />
    </FormModal>
  );
}
