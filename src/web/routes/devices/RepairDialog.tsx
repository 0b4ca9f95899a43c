import { useState } from 'react';
import { NumberInput, Select, TextInput, Textarea } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { deviceConditions, type deviceConditionSchema } from '../../../shared/api/devices';
import { repairKinds } from '../../../shared/api/device-repair-fields';
import {
  addRepairPart,
  changeRepairStatus,
  fetchLoanerPool,
  fetchParts,
  lendLoaner,
  openRepair,
  repairKeys,
  returnLoaner,
  type RepairDetail,
  type RepairKind,
} from '../../api/device-repairs';
import { ApiError } from '../../api/errors';
import type { DeviceDetail } from '../../api/devices';
import { FormModal } from '../../components/FormModal';
import { useWrite } from '../../components/useWrite';
import type { z } from 'zod';
import { MoneyInput } from '../../components/MoneyInput';

type Condition = z.infer<typeof deviceConditionSchema>;

export type RepairDialogKind =
  { kind: 'open'; device: DeviceDetail } | { kind: 'part' | 'lend' | 'returnLoaner' | 'close' | 'cancel'; repair: RepairDetail };

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** Every repair action that needs a few answers first: one modal, its fields chosen by the action. */
export function RepairDialog({ dialog, onClose }: { dialog: RepairDialogKind; onClose: () => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<RepairKind>('accidental');
  const [description, setDescription] = useState('');
  const [vendor, setVendor] = useState('');
  const [labor, setLabor] = useState<number | string>('');
  const [ticket, setTicket] = useState('');
  const [partId, setPartId] = useState<string | null>(null);
  const [quantity, setQuantity] = useState<number | string>(1);
  const [loanerId, setLoanerId] = useState<string | null>(null);
  const [dueOn, setDueOn] = useState(inDays(14));
  const [condition, setCondition] = useState<Condition>('good');
  const [override, setOverride] = useState('');
  const [needsOverride, setNeedsOverride] = useState(false);
  const { busy, error, run: write } = useWrite();
  const repair = dialog.kind === 'open' ? null : dialog.repair;
  const loan = repair?.loans.find((l) => !l.returnedAt);

  const parts = useQuery({ queryKey: repairKeys.parts, queryFn: () => fetchParts(), enabled: dialog.kind === 'part' });
  const pool = useQuery({
    queryKey: repairKeys.pool({ schoolId: repair?.schoolId, available: 'true' }),
    queryFn: () => fetchLoanerPool({ schoolId: repair?.schoolId ?? undefined, available: 'true' }),
    enabled: dialog.kind === 'lend',
  });

  const run = async (): Promise<string> => {
    const holdOverrideReason = needsOverride && override.trim() ? override.trim() : undefined;
    switch (dialog.kind) {
      case 'open': {
        const tag = dialog.device.assetTag ?? dialog.device.serial;
        await openRepair(dialog.device.id, {
          kind,
          description: description.trim(),
          vendor: vendor.trim() || null,
          laborCost: labor === '' ? undefined : Number(labor).toFixed(2),
          ticketRef: ticket.trim() || null,
        });
        return t('devices.repairs.opened', { tag });
      }
      case 'part': {
        const res = await addRepairPart(dialog.repair.id, { partId: partId!, quantity: Number(quantity) });
        return [t('devices.repairs.partAdded'), ...res.warnings].join(' ');
      }
      case 'lend':
        await lendLoaner(dialog.repair.id, { deviceId: loanerId!, dueOn, accessories: ['charger'], holdOverrideReason });
        return t('devices.repairs.lent');
      case 'returnLoaner':
        await returnLoaner(dialog.repair.id, { condition });
        return t('devices.repairs.loanerBack');
      case 'close':
        await changeRepairStatus(dialog.repair.id, {
          status: 'closed',
          holdOverrideReason,
          loanerCondition: loan ? condition : undefined,
        });
        return t('devices.repairs.closed');
      case 'cancel':
        await changeRepairStatus(dialog.repair.id, { status: 'cancelled', loanerCondition: loan ? condition : undefined });
        return t('devices.repairs.cancelled');
    }
  };

  const save = async () => {
    // A student who owes fees is held: the device goes back (or a loaner goes out) only with a reason.
    const needsReason = (err: unknown) => {
      if (err instanceof ApiError && err.status === 409 && /hold/i.test(err.message)) setNeedsOverride(true);
    };
    let message = '';
    const ok = await write(
      async () => {
        message = await run();
      },
      () => message,
      needsReason,
    );
    if (ok) onClose();
  };

  const ready =
    dialog.kind === 'open'
      ? description.trim().length > 0
      : dialog.kind === 'part'
        ? Boolean(partId) && Number(quantity) >= 1
        : dialog.kind === 'lend'
          ? Boolean(loanerId) && Boolean(dueOn)
          : true;
  const conditionField = (
    <Select
      label={t('devices.repairs.loanerCondition')}
      data={deviceConditions.map((c) => ({ value: c, label: t(`devices.conditions.${c}`) }))}
      value={condition}
      onChange={(v) => setCondition((deviceConditions as readonly string[]).includes(v ?? '') ? (v as Condition) : 'good')}
      allowDeselect={false}
    />
  );

  return (
    <FormModal
      title={t(`devices.repairs.dialogs.${dialog.kind}`)}
      onClose={onClose}
      onSubmit={save}
      busy={busy}
      error={error}
      submitLabel={t(`devices.repairs.confirm.${dialog.kind}`)}
      submitColor={dialog.kind === 'cancel' ? 'red' : undefined}
      canSubmit={ready && !(needsOverride && override.trim().length < 3)}
    >
      {dialog.kind === 'open' ? (
        <>
          <Select
            label={t('devices.repairs.kind')}
            data={repairKinds.map((k) => ({ value: k, label: t(`devices.repairs.kinds.${k}`) }))}
            value={kind}
            onChange={(v) => setKind((repairKinds as readonly string[]).includes(v ?? '') ? (v as RepairKind) : 'accidental')}
            allowDeselect={false}
          />
          <Textarea
            label={t('devices.repairs.description')}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            required
            autosize
            minRows={2}
            data-autofocus
          />
          <TextInput label={t('devices.repairs.vendorLabel')} value={vendor} onChange={(e) => setVendor(e.currentTarget.value)} />
          <MoneyInput label={t('devices.repairs.labor')} value={labor} onChange={setLabor} />
          <TextInput label={t('devices.repairs.ticketLabel')} value={ticket} onChange={(e) => setTicket(e.currentTarget.value)} />
        </>
      ) : null}
      {dialog.kind === 'part' ? (
        <>
          <Select
            label={t('devices.repairs.part')}
            searchable
            data={(parts.data?.items ?? []).map((p) => ({
              value: p.id,
              label: `${p.name} (${p.sku}) · ${t('devices.repairs.inStock', { count: p.stock.reduce((s, x) => s + x.quantity, 0) })}`,
            }))}
            value={partId}
            onChange={setPartId}
            nothingFoundMessage={t('devices.repairs.noParts')}
            data-autofocus
          />
          <NumberInput label={t('devices.repairs.quantity')} value={quantity} onChange={setQuantity} min={1} max={1000} />
        </>
      ) : null}
      {dialog.kind === 'lend' ? (
        <>
          <Select
            label={t('devices.repairs.loaner')}
            data={(pool.data?.items ?? []).map((i) => ({
              value: i.device.id,
              label: `${i.device.assetTag ?? i.device.serial} · ${i.device.modelName ?? ''} · ${i.poolSchoolName}`,
            }))}
            value={loanerId}
            onChange={setLoanerId}
            nothingFoundMessage={t('devices.repairs.noLoaners')}
            description={pool.data && pool.data.items.length === 0 ? t('devices.repairs.noLoaners') : undefined}
            data-autofocus
          />
          <TextInput
            type="date"
            label={t('devices.repairs.dueOn')}
            value={dueOn}
            onChange={(e) => setDueOn(e.currentTarget.value)}
            required
          />
        </>
      ) : null}
      {dialog.kind === 'returnLoaner' || ((dialog.kind === 'close' || dialog.kind === 'cancel') && loan) ? conditionField : null}
      {needsOverride ? (
        <TextInput
          label={t('devices.repairs.overrideReason')}
          description={t('devices.scan.overrideHelp')}
          value={override}
          onChange={(e) => setOverride(e.currentTarget.value)}
          required
          minLength={3}
        />
      ) : null}
    </FormModal>
  );
}
