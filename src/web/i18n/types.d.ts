import 'i18next';
import type en from './en.json';
import type audits from './locales/audits.en.json';
import type devices from './locales/devices.en.json';
import type incidents from './locales/incidents.en.json';
import type readiness from './locales/readiness.en.json';
import type repairs from './locales/repairs.en.json';
import type statusPage from './locales/statusPage.en.json';
import type systems from './locales/systems.en.json';

// Every t('key') is checked against the English files at compile time; translations.test.ts checks
// that each Spanish file has the same keys. A module's strings live in locales/<module>.<lang>.json
// under one top-level key of the module's name, merged into the one namespace when loaded.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: {
      translation: typeof en &
        typeof systems &
        typeof incidents &
        typeof statusPage &
        typeof readiness &
        typeof devices &
        typeof repairs &
        typeof audits;
    };
  }
}
