import { useState } from 'react';
import { NumberInput, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { setPartStock, type Part } from '../../../api/device-repairs';
import { FormModal } from '../../../components/FormModal';
import { toCount } from './money-input';
import { useSchools } from './use-schools';
import { useWrite } from '../../../components/useWrite';

/** The district depot's value in the site select (the API's null). */
const DEPOT = 'depot';

/** Sets what is on the shelf at one site after a stock take or a delivery (the district depot or a school). */
export function StockModal({ part, onClose }: { part: Part; onClose: () => void }) {
  const { t } = useTranslation();
  const schools = useSchools();
  const [site, setSite] = useState<string>(DEPOT);
  const onShelf = (value: string) => part.stock.find((s) => (s.schoolId ?? DEPOT) === value)?.quantity ?? 0;
  const [quantity, setQuantity] = useState<number | string>(onShelf(DEPOT));
  const { busy, error, run } = useWrite();
  const sites = [{ value: DEPOT, label: t('repairs.parts.depot') }, ...(schools.data ?? []).map((s) => ({ value: s.id, label: s.name }))];
  const count = toCount(quantity);

  const save = async () => {
    if (count === undefined) return;
    const siteName = sites.find((s) => s.value === site)?.label ?? '';
    const ok = await run(
      () => setPartStock(part.id, { schoolId: site === DEPOT ? null : site, quantity: count }),
      () => t('repairs.parts.stockSaved', { part: part.name, quantity: count, site: siteName }),
    );
    if (ok) onClose();
  };

  return (
    <FormModal
      title={t('repairs.parts.stockTitle', { part: part.name })}
      onClose={onClose}
      onSubmit={save}
      busy={busy}
      error={error}
      submitLabel={t('actions.save')}
      canSubmit={!(count === undefined)}
    >
      <Select
        label={t('repairs.parts.site')}
        data={sites}
        value={site}
        onChange={(v) => {
          const next = v ?? DEPOT;
          setSite(next);
          setQuantity(onShelf(next));
        }}
        allowDeselect={false}
        searchable
      />
      <NumberInput
        label={t('repairs.parts.quantity')}
        description={t('repairs.parts.quantityHelp')}
        value={quantity}
        onChange={setQuantity}
        min={0}
        allowDecimal={false}
        required
        data-autofocus
      />
    </FormModal>
  );
}
