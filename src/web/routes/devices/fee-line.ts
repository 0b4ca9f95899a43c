import type { TFunction } from 'i18next';

interface FeeLine {
  kind: 'charge' | 'payment' | 'waiver';
  description: string;
  /** A price-list charge in Spanish, when the price has a Spanish name. */
  descriptionEs?: string | null;
  method: 'cash' | 'check' | 'online' | 'other' | null;
  free: boolean;
}

/**
 * A statement line in the reader's language. The ledger stores a description written when the
 * line was recorded (in English); payments and waivers are said from their kind and method, and a
 * charge keeps what was charged (a price-list name and a device tag) without the English note on
 * why it was free — the "no charge" mark says that. A Spanish reader sees the price's Spanish name
 * when the district gave one.
 */
export function feeLineText(t: TFunction, line: FeeLine, language: string): string {
  if (line.kind === 'payment') {
    return line.method
      ? t('devices.mine.paymentBy', { method: t(`devices.fees.methods.${line.method}`) })
      : t('devices.mine.kinds.payment');
  }
  if (line.kind === 'waiver') return t('devices.mine.kinds.waiver');
  const what = language === 'es' && line.descriptionEs ? line.descriptionEs : line.description.replace(/: free, .*$/, '');
  return `${t('devices.mine.kinds.charge')}: ${what}${line.free ? ` (${t('devices.mine.free')})` : ''}`;
}
