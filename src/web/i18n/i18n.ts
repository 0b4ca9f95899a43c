import i18next, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { languageSchema, type Language } from '../../shared/roles';

const STORAGE_KEY = 'districtops.language';

/**
 * Each language's strings are their own chunk (strings.<lang>.ts: the core file and every
 * module's, merged), loaded on demand: they must not weigh on the first load of the sign-in page.
 */
type Strings = Record<string, unknown>;
const bundles: Record<Language, () => Promise<{ default: Strings }>> = {
  en: () => import('./strings.en'),
  es: () => import('./strings.es'),
};

const lazyBundles: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language, _namespace, callback) {
    const parsed = languageSchema.safeParse(language);
    if (!parsed.success) return callback(null, {});
    bundles[parsed.data]().then(
      (m) => callback(null, m.default),
      (err: unknown) => callback(err instanceof Error ? err : new Error(String(err)), null),
    );
  },
};

/** The language a signed-out visitor last chose, else the browser's preference. */
export function storedLanguage(): Language {
  const saved = languageSchema.safeParse(readStorage());
  if (saved.success) return saved.data;
  return navigator.languages.some((l) => l.toLowerCase().startsWith('es')) ? 'es' : 'en';
}

function readStorage(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage can be disabled by policy on managed devices
  }
}

const CHOSEN_KEY = 'districtops.languageChosen';

/**
 * The visitor picked a language before signing in: signing in saves that choice to their account.
 * Kept for this tab only (sessionStorage), so on a shared computer it cannot carry over to the next person.
 */
export function markChosenWhileSignedOut() {
  try {
    sessionStorage.setItem(CHOSEN_KEY, '1');
  } catch {
    // without storage the choice simply stays on this device
  }
}

/** Whether the language was picked before signing in; asking also forgets it. */
export function takeChosenWhileSignedOut(): boolean {
  try {
    const chosen = sessionStorage.getItem(CHOSEN_KEY) === '1';
    sessionStorage.removeItem(CHOSEN_KEY);
    return chosen;
  } catch {
    return false;
  }
}

/** Switches the page's language and remembers it for the next signed-out visit on this device. */
export async function applyLanguage(language: Language) {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // not remembered on this device; the account's language still is
  }
  if (i18next.language !== language) await i18next.changeLanguage(language);
}

i18next.on('languageChanged', (lng) => {
  // Screen readers pick their voice from the lang attribute (WCAG 3.1.1).
  document.documentElement.lang = lng;
});

/** Resolves once the first language is loaded: main.tsx renders after it, so no text flashes in the wrong language. */
export const i18nReady = i18next
  .use(lazyBundles)
  .use(initReactI18next)
  .init({
    lng: storedLanguage(),
    fallbackLng: 'en',
    supportedLngs: ['en', 'es'],
    load: 'languageOnly',
    interpolation: { escapeValue: false }, // React escapes
    react: { useSuspense: false },
  });

export { i18next };
