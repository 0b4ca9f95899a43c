import { TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A price's name in Spanish: what families who read Spanish see on their statement. */
export function SpanishNameInput({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={t('repairs.fees.nameEs')}
      description={t('repairs.fees.nameEsHelp')}
      lang="es"
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
    />
  );
}
