import { useState } from 'react';
import { ActionIcon, Button, Checkbox, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { deviceCategories } from '../../../shared/api/devices';
import { customFieldTypes, type CustomFieldType } from '../../../shared/api/device-custom-fields';
import { fetchCustomFields, saveCustomFields } from '../../api/devices';
import { FormModal } from '../../components/FormModal';
import { useWrite } from '../../components/useWrite';

type Category = (typeof deviceCategories)[number];
interface Row {
  key: string;
  label: string;
  type: CustomFieldType;
  required: boolean;
}

/** A label becomes the stored key: "Insurance policy" → insurance_policy. */
const keyOf = (label: string) =>
  label
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+|_+$/g, '')
    .slice(0, 50);

/** The fields a district records for one category of device (an insurance policy on laptops, a carrier on hotspots). */
export function CustomFieldsModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const defs = useQuery({ queryKey: ['devices', 'custom-fields'], queryFn: fetchCustomFields });
  const [category, setCategory] = useState<Category>('chromebook');
  const [edits, setEdits] = useState<Partial<Record<Category, Row[]>>>({});
  const { busy, error, run } = useWrite();
  const saved = (defs.data?.items ?? [])
    .filter((d) => d.category === category)
    .map((d): Row => ({ key: d.key, label: d.label, type: d.type, required: d.required }));
  const rows = edits[category] ?? saved;
  const setRows = (next: Row[]) => setEdits((prev) => ({ ...prev, [category]: next }));
  const change = (i: number, patch: Partial<Row>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  const save = async () => {
    const ok = await run(
      () =>
        saveCustomFields(
          category,
          rows.map((r) => ({ ...r, key: r.key || keyOf(r.label) })),
        ),
      () => t('devices.customFields.saved', { category: t(`devices.categories.${category}`) }),
    );
    if (ok) onClose();
  };

  return (
    <FormModal
      title={t('devices.customFields.title')}
      onClose={onClose}
      onSubmit={save}
      busy={busy}
      error={error}
      submitLabel={t('actions.save')}
      canSubmit={rows.every((r) => r.label.trim() && (r.key || keyOf(r.label)))}
      size="lg"
    >
      <Text size="sm">{t('devices.customFields.help')}</Text>
      <Select
        label={t('devices.fields.category')}
        data={deviceCategories.map((c) => ({ value: c, label: t(`devices.categories.${c}`) }))}
        value={category}
        onChange={(c) => setCategory((deviceCategories as readonly string[]).includes(c ?? '') ? (c as Category) : 'chromebook')}
        allowDeselect={false}
      />
      <Stack gap="xs">
        {rows.length === 0 ? <Text c="dimmed">{t('devices.customFields.none')}</Text> : null}
        {rows.map((r, i) => (
          <Group key={i} align="flex-end" gap="xs" wrap="nowrap">
            <TextInput
              label={t('devices.customFields.label')}
              value={r.label}
              onChange={(e) => change(i, { label: e.currentTarget.value })}
              required
              style={{ flex: 1 }}
            />
            <Select
              label={t('devices.customFields.type')}
              data={customFieldTypes.map((ty) => ({ value: ty, label: t(`devices.customFields.types.${ty}`) }))}
              value={r.type}
              onChange={(ty) =>
                change(i, { type: (customFieldTypes as readonly string[]).includes(ty ?? '') ? (ty as CustomFieldType) : 'text' })
              }
              allowDeselect={false}
              w={130}
            />
            <Checkbox
              label={t('devices.customFields.required')}
              checked={r.required}
              onChange={(e) => change(i, { required: e.currentTarget.checked })}
              mb={8}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              mb={4}
              aria-label={t('devices.customFields.remove', { label: r.label || String(i + 1) })}
              onClick={() => setRows(rows.filter((_, j) => j !== i))}
            >
              ✕
            </ActionIcon>
          </Group>
        ))}
      </Stack>
      <Group>
        <Button variant="default" size="xs" onClick={() => setRows([...rows, { key: '', label: '', type: 'text', required: false }])}>
          {t('devices.customFields.add')}
        </Button>
      </Group>
    </FormModal>
  );
}
