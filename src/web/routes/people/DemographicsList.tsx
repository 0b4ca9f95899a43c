import { SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The OneRoster demographics fields; a field the roster adds later is shown under its own name. */
const knownFields = [
  'sex',
  'birthDate',
  'americanIndianOrAlaskaNative',
  'asian',
  'blackOrAfricanAmerican',
  'nativeHawaiianOrOtherPacificIslander',
  'white',
  'demographicRaceTwoOrMoreRaces',
  'hispanicOrLatinoEthnicity',
  'countryOfBirthCode',
  'stateOfBirthAbbreviation',
  'cityOfBirth',
  'publicSchoolResidenceStatus',
] as const;
type KnownField = (typeof knownFields)[number];
const isKnown = (k: string): k is KnownField => (knownFields as readonly string[]).includes(k);

const sexes = ['male', 'female', 'other', 'unspecified'] as const;
type Sex = (typeof sexes)[number];
const isSex = (v: string): v is Sex => (sexes as readonly string[]).includes(v);

export function DemographicsList({ demographics }: { demographics: Record<string, unknown> }) {
  const { t } = useTranslation();
  const show = (value: unknown): string => {
    if (value === true || value === 'true') return t('common.yes');
    if (value === false || value === 'false') return t('common.no');
    if (typeof value === 'string') return isSex(value) ? t(`demographics.sexes.${value}`) : value;
    if (typeof value === 'number') return String(value);
    return JSON.stringify(value);
  };
  const entries = Object.entries(demographics).filter(([, v]) => v !== null && v !== undefined && v !== '');
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} component="dl" m={0}>
      {entries.map(([key, value]) => (
        <div key={key}>
          <Text size="sm" c="dimmed" fw={600} component="dt">
            {isKnown(key) ? t(`demographics.fields.${key}`) : key}
          </Text>
          <Text component="dd" m={0}>
            {show(value)}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}
