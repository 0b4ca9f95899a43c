import { useState } from 'react';
import { Select, SimpleGrid, TextInput, Textarea } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { fundingSources, type DeviceCreate } from '../../../shared/api/devices';
import { createDevice, deviceKeys, fetchModels, updateDevice, type DeviceDetail } from '../../api/devices';
import { fetchSchools } from '../../api/people';
import { FormModal } from '../../components/FormModal';
import { useWrite } from '../../components/useWrite';
import { CustomFieldInputs, useCustomFields, type CustomValues } from './CustomFieldInputs';
import { MoneyInput } from '../../components/MoneyInput';

type Funding = (typeof fundingSources)[number];

const orNull = (s: string) => (s.trim() ? s.trim() : null);

/** Adds a device by hand, or edits one: everything but its status, which moves only through the status machine. */
export function DeviceFormModal({ device, onClose }: { device: DeviceDetail | null; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const models = useQuery({ queryKey: deviceKeys.models, queryFn: fetchModels });
  const schools = useQuery({ queryKey: ['schools'], queryFn: fetchSchools });
  const [v, setV] = useState({
    assetTag: device?.assetTag ?? '',
    serial: device?.serial ?? '',
    modelId: device?.modelId ?? null,
    schoolId: device?.schoolId ?? null,
    location: device?.location ?? '',
    purchaseDate: device?.purchaseDate ?? '',
    cost: device?.cost ? Number(device.cost) : '',
    fundingSource: device?.fundingSource ?? null,
    warrantyEnd: device?.warrantyEnd ?? '',
    aueDate: device?.aueOverride ?? '',
    notes: device?.notes ?? '',
  });
  const [custom, setCustom] = useState<CustomValues>((device?.customFields ?? {}) as CustomValues);
  const set = <K extends keyof typeof v>(key: K, value: (typeof v)[K]) => setV((prev) => ({ ...prev, [key]: value }));
  const { busy, error, run } = useWrite();
  // A device without a model counts as 'other', as the server checks it.
  const category = v.modelId ? (models.data?.items.find((m) => m.id === v.modelId)?.category ?? null) : 'other';
  const definitions = useCustomFields(category);

  const body = (): DeviceCreate => ({
    assetTag: orNull(v.assetTag),
    serial: v.serial.trim(),
    modelId: v.modelId,
    schoolId: v.schoolId,
    location: orNull(v.location),
    purchaseDate: v.purchaseDate || null,
    cost: v.cost === '' ? null : Number(v.cost).toFixed(2),
    fundingSource: v.fundingSource,
    warrantyEnd: v.warrantyEnd || null,
    aueDate: v.aueDate || null,
    notes: v.notes.trim() ? v.notes : null,
    customFields: custom,
  });

  const save = async () => {
    let savedId = device?.id ?? '';
    const ok = await run(
      async () => {
        if (device) await updateDevice(device.id, body());
        else savedId = (await createDevice(body())).id;
      },
      () => t(device ? 'devices.form.saved' : 'devices.form.added', { tag: v.assetTag || v.serial }),
    );
    if (!ok) return;
    onClose();
    if (!device) await navigate(`/devices/${savedId}`);
  };

  return (
    <FormModal
      title={device ? t('devices.form.editTitle', { tag: device.assetTag ?? device.serial }) : t('devices.form.addTitle')}
      onClose={onClose}
      onSubmit={save}
      busy={busy}
      error={error}
      submitLabel={device ? t('actions.save') : t('devices.form.add')}
      canSubmit={v.serial.trim().length > 0}
      size="lg"
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('devices.fields.assetTag')}
          value={v.assetTag}
          onChange={(e) => set('assetTag', e.currentTarget.value)}
          data-autofocus
        />
        <TextInput label={t('devices.fields.serial')} value={v.serial} onChange={(e) => set('serial', e.currentTarget.value)} required />
        <Select
          label={t('devices.fields.model')}
          searchable
          clearable
          data={(models.data?.items ?? []).map((m) => ({ value: m.id, label: [m.manufacturer, m.name].filter(Boolean).join(' ') }))}
          value={v.modelId}
          onChange={(id) => set('modelId', id)}
        />
        <Select
          label={t('devices.fields.school')}
          searchable
          clearable
          data={(schools.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
          value={v.schoolId}
          onChange={(id) => set('schoolId', id)}
        />
        <TextInput label={t('devices.fields.location')} value={v.location} onChange={(e) => set('location', e.currentTarget.value)} />
        <TextInput
          type="date"
          label={t('devices.fields.purchaseDate')}
          value={v.purchaseDate}
          onChange={(e) => set('purchaseDate', e.currentTarget.value)}
        />
        <MoneyInput label={t('devices.fields.cost')} value={v.cost} onChange={(c) => set('cost', c)} />
        <Select
          label={t('devices.fields.fundingSource')}
          clearable
          data={fundingSources.map((f) => ({ value: f, label: t(`devices.funding.${f}`) }))}
          value={v.fundingSource}
          onChange={(f) => set('fundingSource', (fundingSources as readonly string[]).includes(f ?? '') ? (f as Funding) : null)}
        />
        <TextInput
          type="date"
          label={t('devices.fields.warrantyEnd')}
          value={v.warrantyEnd}
          onChange={(e) => set('warrantyEnd', e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t('devices.form.aueOverride')}
          description={t('devices.form.aueHelp')}
          value={v.aueDate}
          onChange={(e) => set('aueDate', e.currentTarget.value)}
        />
      </SimpleGrid>
      <CustomFieldInputs definitions={definitions} values={custom} onChange={setCustom} />
      <Textarea
        label={t('devices.fields.notes')}
        value={v.notes}
        onChange={(e) => set('notes', e.currentTarget.value)}
        autosize
        minRows={2}
      />
    </FormModal>
  );
}
