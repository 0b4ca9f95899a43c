import { useTranslation } from 'react-i18next';
import { numberFormat, useFormat } from '../../i18n/format';

/** Uptime as a percentage that keeps the digits that matter (99.95 %, not 100 % for 99.95). */
export function usePercent() {
  const { t } = useTranslation();
  const { locale } = useFormat();
  const fmt = numberFormat(locale, { style: 'percent', minimumFractionDigits: 0, maximumFractionDigits: 2 });
  return (ratio: number | null | undefined) => {
    if (ratio === null || ratio === undefined) return t('systems.noData');
    // Never round a bad hour up to a perfect 100 %.
    const shown = ratio < 1 ? Math.min(ratio, 0.9999) : 1;
    return fmt.format(Math.floor(shown * 10_000) / 10_000);
  };
}
