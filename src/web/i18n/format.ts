import { useTranslation } from 'react-i18next';

/**
 * The regional variant to format with: the browser's own (es-MX, en-GB) when it matches the chosen
 * language, else the US one, since DistrictOps districts are mostly US districts.
 */
export function localeFor(language: string): string {
  const regional = navigator.languages.find((l) => l.toLowerCase().startsWith(`${language}-`));
  return regional ?? `${language}-US`;
}

/** Numbers and dates in the reader's language (Intl). */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const number = new Intl.NumberFormat(locale);
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  return {
    locale,
    number: (n: number) => number.format(n),
    dateTime: (iso: string) => dateTime.format(new Date(iso)),
    /** Calendar dates (birth dates) carry no time zone: show the day as written. */
    date: (isoDate: string) => date.format(new Date(isoDate.length === 10 ? `${isoDate}T00:00:00Z` : isoDate)),
  };
}
