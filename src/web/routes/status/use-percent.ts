import { numberFormat, useFormat } from '../../i18n/format';

/** Uptime as a percentage in the reader's language, rounded down: 99.996% is not 100%. */
export function usePercent() {
  const { locale } = useFormat();
  const format = numberFormat(locale, { style: 'percent', maximumFractionDigits: 2 });
  return (ratio: number) => format.format(Math.floor(ratio * 10_000) / 10_000);
}
