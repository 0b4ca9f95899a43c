import { useState } from 'react';
import { NumberInput, Switch, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { updateFeePrice, type FeePrice } from '../../../api/device-repairs';
import { FormModal } from '../../../components/FormModal';
import { SpanishNameInput } from './SpanishNameInput';
import { toCount, toMoney } from './money-input';
import { useWrite } from '../../../components/useWrite';
import { MoneyInput } from '../../../components/MoneyInput';

/** Changes a price's name, amount, free occurrences or whether it is still charged; charges already made keep their amount. */
export function EditPriceModal({ price, onClose }: { price: FeePrice; onClose: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(price.name);
  const [nameEs, setNameEs] = useState(price.nameEs ?? '');
  const [amount, setAmount] = useState<number | string>(Number(price.amount));
  const [free, setFree] = useState<number | string>(price.freePerYear);
  const [active, setActive] = useState(price.active);
  const { busy, error, run } = useWrite();
  const amountText = toMoney(amount);
  const ready = name.trim() !== '' && amountText !== undefined;

  const save = async () => {
    if (!ready) return;
    const body = { name: name.trim(), nameEs: nameEs.trim() || null, amount: amountText, freePerYear: toCount(free) ?? 0, active };
    if (
      await run(
        () => updateFeePrice(price.id, body),
        () => t('repairs.fees.saved', { name: body.name }),
      )
    )
      onClose();
  };

  return (
    <FormModal
      title={t('repairs.fees.editTitle', { name: price.name })}
      onClose={onClose}
      onSubmit={save}
      busy={busy}
      error={error}
      submitLabel={t('actions.save')}
      canSubmit={!!ready}
    >
      <TextInput label={t('repairs.fees.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required />
      <SpanishNameInput value={nameEs} onChange={setNameEs} />
      <MoneyInput label={t('repairs.fees.amount')} value={amount} onChange={setAmount} required data-autofocus />
      <NumberInput
        label={t('repairs.fees.freePerYear')}
        description={t('repairs.fees.freePerYearHelp')}
        value={free}
        onChange={setFree}
        min={0}
        max={100}
        allowDecimal={false}
      />
      <Switch label={t('repairs.fees.activeLabel')} checked={active} onChange={(e) => setActive(e.currentTarget.checked)} />
    </FormModal>
  );
}
