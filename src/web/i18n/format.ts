import { useTranslation } from 'react-i18next';

/**
 * The regional variant to format with: the browser's own (es-MX, en-GB) when it matches the chosen
 * language, else the US one, since DistrictOps districts are mostly US districts.
 */
export function localeFor(language: string): string {
  const regional = navigator.languages.find((l) => l.toLowerCase().startsWith(`${language}-`));
  return regional ?? `${language}-US`;
}

type Formatter = Intl.NumberFormat | Intl.DateTimeFormat | Intl.ListFormat;

const formats = new Map<string, Formatter>();

/**
 * One Intl formatter per kind, locale and options, made once: building one costs far more than
 * using it, and a table of a thousand systems would otherwise build thousands while it renders.
 */
function cached<F extends Formatter>(kind: string, locale: string, options: object, make: () => F): F {
  const key = `${kind}|${locale}|${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = make()));
  return f as F;
}

export const numberFormat = (locale: string, options: Intl.NumberFormatOptions = {}) =>
  cached('n', locale, options, () => new Intl.NumberFormat(locale, options));

export const dateTimeFormat = (locale: string, options: Intl.DateTimeFormatOptions = {}) =>
  cached('d', locale, options, () => new Intl.DateTimeFormat(locale, options));

export const listFormat = (locale: string, options: Intl.ListFormatOptions = {}) =>
  cached('l', locale, options, () => new Intl.ListFormat(locale, options));

/**
 * Numbers and dates in the reader's language (Intl). Each formatter is made on its first use, not
 * on every call of the hook: the first of a page costs the browser its locale data (~20 ms on the
 * systems board's first load), and most pages use one or two of the three.
 */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  // Looked up once per render, on first use: a table's rows then format without a cache lookup each.
  let number: Intl.NumberFormat | undefined;
  let dateTime: Intl.DateTimeFormat | undefined;
  let date: Intl.DateTimeFormat | undefined;
  return {
    locale,
    number: (n: number) => (number ??= numberFormat(locale)).format(n),
    dateTime: (iso: string) => (dateTime ??= dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })).format(new Date(iso)),
    /** Calendar dates (birth dates) carry no time zone: show the day as written. */
    date: (isoDate: string) =>
      (date ??= dateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' })).format(
        new Date(isoDate.length === 10 ? `${isoDate}T00:00:00Z` : isoDate),
      ),
  };
}
