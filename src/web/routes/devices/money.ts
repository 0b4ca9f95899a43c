import { numberFormat, useFormat } from '../../i18n/format';

/** Dollar amounts (sent as decimal strings, never floats) in the reader's language. */
export function useMoney() {
  const { locale } = useFormat();
  const format = numberFormat(locale, { style: 'currency', currency: 'USD' });
  return (amount: string | number | null | undefined) => (amount === null || amount === undefined ? '—' : format.format(Number(amount)));
}
