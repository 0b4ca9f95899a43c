import { useState } from 'react';
import { Group, NumberInput, Radio, Select, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { repairKinds, repairKindSchema } from '../../../../shared/api/device-repair-fields';
import { createFeePrice, fetchParts, repairKeys, type RepairKind } from '../../../api/device-repairs';
import { FormModal } from '../../../components/FormModal';
import { SpanishNameInput } from './SpanishNameInput';
import { toCount, toMoney } from './money-input';
import { useWrite } from '../../../components/useWrite';
import { MoneyInput } from '../../../components/MoneyInput';

/** A new line on the price list: a kind of damage or a part, its amount, and how many are free each school year. */
export function AddPriceModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const parts = useQuery({ queryKey: repairKeys.parts, queryFn: () => fetchParts() });
  const [name, setName] = useState('');
  const [nameEs, setNameEs] = useState('');
  const [by, setBy] = useState<'kind' | 'part'>('kind');
  const [kind, setKind] = useState<RepairKind | null>(null);
  const [partId, setPartId] = useState<string | null>(null);
  const [amount, setAmount] = useState<number | string>('');
  const [free, setFree] = useState<number | string>(0);
  const { busy, error, run } = useWrite();
  const amountText = toMoney(amount);
  const target = by === 'kind' ? kind : partId;
  const ready = name.trim() !== '' && amountText !== undefined && target !== null;

  const save = async () => {
    if (!ready) return;
    const body = {
      name: name.trim(),
      ...(nameEs.trim() ? { nameEs: nameEs.trim() } : {}),
      amount: amountText,
      freePerYear: toCount(free) ?? 0,
      ...(by === 'kind' ? { damageKind: kind ?? undefined } : { partId: partId ?? undefined }),
    };
    if (
      await run(
        () => createFeePrice(body),
        () => t('repairs.fees.added', { name: body.name }),
      )
    )
      onClose();
  };

  return (
    <FormModal
      title={t('repairs.fees.addTitle')}
      onClose={onClose}
      onSubmit={save}
      busy={busy}
      error={error}
      submitLabel={t('actions.save')}
      canSubmit={!!ready}
    >
      <TextInput label={t('repairs.fees.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required data-autofocus />
      <SpanishNameInput value={nameEs} onChange={setNameEs} />
      <Radio.Group label={t('repairs.fees.pricedBy')} value={by} onChange={(v) => setBy(v === 'part' ? 'part' : 'kind')}>
        <Group gap="lg" mt="xs">
          <Radio value="kind" label={t('repairs.fees.byKind')} />
          <Radio value="part" label={t('repairs.fees.byPart')} />
        </Group>
      </Radio.Group>
      {by === 'kind' ? (
        <Select
          label={t('repairs.fees.kind')}
          data={repairKinds.map((k) => ({ value: k, label: t(`repairs.kinds.${k}`) }))}
          value={kind}
          onChange={(v) => setKind(repairKindSchema.safeParse(v).data ?? null)}
          required
        />
      ) : (
        <Select
          label={t('repairs.fees.part')}
          placeholder={t('repairs.fees.partPlaceholder')}
          data={(parts.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name} (${p.sku})` }))}
          value={partId}
          onChange={setPartId}
          searchable
          required
        />
      )}
      <MoneyInput label={t('repairs.fees.amount')} value={amount} onChange={setAmount} required />
      <NumberInput
        label={t('repairs.fees.freePerYear')}
        description={t('repairs.fees.freePerYearHelp')}
        value={free}
        onChange={setFree}
        min={0}
        max={100}
        allowDecimal={false}
      />
    </FormModal>
  );
}
