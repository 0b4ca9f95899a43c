import type { Language } from '../../../shared/roles';
// The web app's own words (src/web/i18n), for what the server draws of its pages before the app
// takes over: one set of translations, and the translation test's check that both languages hold
// every key covers these too. Only the files those pages use; the bundle inlines them (~40 KB).
import coreEn from '../../../web/i18n/en.json';
import coreEs from '../../../web/i18n/es.json';
import systemsEn from '../../../web/i18n/locales/systems.en.json';
import systemsEs from '../../../web/i18n/locales/systems.es.json';

type Tree = { [key: string]: string | Tree };
const strings: Record<Language, Tree> = {
  en: { ...coreEn, ...systemsEn },
  es: { ...coreEs, ...systemsEs },
};

/**
 * English's and Spanish's plural forms for the counts a page shows: one, else other (CLDR's
 * Spanish "many" is for round millions, which fall back to other in i18next too). Not
 * Intl.PluralRules: ICU's locale data it pages in costs the server ~2 MB of memory.
 */
const pluralForm = (count: number) => (count === 1 ? 'one' : 'other');

function lookup(tree: Tree, key: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

export type Translate = (key: string, vars?: Record<string, string | number>) => string;

/**
 * i18next's lookup as the web app uses it: dotted keys, `{{name}}` values, and `_one`/`_other`
 * forms chosen by `count`. A key either language lacks throws: the translation test keeps both complete.
 */
export function translator(language: Language): Translate {
  return (key, vars = {}) => {
    const plural = typeof vars.count === 'number' ? lookup(strings[language], `${key}_${pluralForm(vars.count)}`) : undefined;
    const text = plural ?? lookup(strings[language], key);
    if (text === undefined) throw new Error(`No ${language} string for ${key}`);
    return text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
  };
}

/**
 * Numbers as the app shows them in the US variants of both languages (1,234 and 99.95%), by hand:
 * Intl.NumberFormat's locale data costs the server ~5 MB of memory (ICU's, paged in on first use).
 * A reader whose browser asks for another region (es-ES: 1234, 99,95 %) sees the app's form once
 * it takes over.
 */
export function groupDigits(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A ratio as a percentage with at most two decimals, trailing zeros dropped (0.9995 → 99.95%, 0.5 → 50%). */
export function percentText(ratio: number): string {
  const basisPoints = Math.round(ratio * 10_000);
  const fraction = String(basisPoints % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return `${groupDigits(Math.floor(basisPoints / 100))}${fraction ? `.${fraction}` : ''}%`;
}
