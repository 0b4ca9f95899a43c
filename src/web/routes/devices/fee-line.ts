import type { TFunction } from 'i18next';

interface FeeLine {
  kind: 'charge' | 'payment' | 'waiver';
  description: string;
  method: 'cash' | 'check' | 'online' | 'other' | null;
  free: boolean;
}

/**
 * A statement line in the reader's language. The ledger stores a description written when the
 * line was recorded (in English); payments and waivers are said from their kind and method, and a
 * charge keeps what was charged (a price-list name and a device tag) without the English note on
 * why it was free — the "no charge" mark says that.
 */
export function feeLineText(t: TFunction, line: FeeLine): string {
  if (line.kind === 'payment') {
    return line.method
      ? t('devices.mine.paymentBy', { method: t(`devices.fees.methods.${line.method}`) })
      : t('devices.mine.kinds.payment');
  }
  if (line.kind === 'waiver') return t('devices.mine.kinds.waiver');
  const what = line.description.replace(/: free, .*$/, '');
  return `${t('devices.mine.kinds.charge')}: ${what}${line.free ? ` (${t('devices.mine.free')})` : ''}`;
}
