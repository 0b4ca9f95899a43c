import { Checkbox, NumberInput, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchCustomFields, type CustomFieldDefinition } from '../../api/devices';

export type CustomValues = Record<string, string | number | boolean | null>;

/** The custom fields the district defined for a category of device (none: the category has none). */
export function useCustomFields(category: string | null): CustomFieldDefinition[] {
  const defs = useQuery({ queryKey: ['devices', 'custom-fields'], queryFn: fetchCustomFields });
  return (defs.data?.items ?? []).filter((d) => d.category === category).sort((a, b) => a.position - b.position);
}

/** One input per custom field, typed as defined (text, number, date, yes/no); other keys a device already has are kept as they are. */
export function CustomFieldInputs({
  definitions,
  values,
  onChange,
}: {
  definitions: CustomFieldDefinition[];
  values: CustomValues;
  onChange: (next: CustomValues) => void;
}) {
  const { t } = useTranslation();
  if (definitions.length === 0) return null;
  const set = (key: string, value: string | number | boolean | null) => {
    const next = { ...values };
    if (value === null || value === '') delete next[key];
    else next[key] = value;
    onChange(next);
  };
  return (
    <div>
      <Text fw={600} size="sm" mb={4}>
        {t('devices.form.customFields')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {definitions.map((d) => {
          const value = values[d.key];
          switch (d.type) {
            case 'boolean':
              return (
                <Checkbox
                  key={d.key}
                  mt="lg"
                  label={d.label}
                  checked={value === true}
                  onChange={(e) => set(d.key, e.currentTarget.checked)}
                />
              );
            case 'number':
              return (
                <NumberInput
                  key={d.key}
                  label={d.label}
                  required={d.required}
                  value={typeof value === 'number' ? value : ''}
                  onChange={(n) => set(d.key, typeof n === 'number' ? n : null)}
                />
              );
            case 'date':
            case 'text':
              return (
                <TextInput
                  key={d.key}
                  type={d.type === 'date' ? 'date' : 'text'}
                  label={d.label}
                  required={d.required}
                  value={typeof value === 'string' ? value : ''}
                  onChange={(e) => set(d.key, e.currentTarget.value)}
                />
              );
          }
        })}
      </SimpleGrid>
    </div>
  );
}
