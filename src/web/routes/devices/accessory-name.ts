import type { TFunction } from 'i18next';

/** The accessories the district hands out have names in both languages; others are shown as recorded. */
export const accessoryName = (t: TFunction, name: string): string =>
  name === 'charger' ? t('devices.accessories.charger') : name === 'case' ? t('devices.accessories.case') : name;
