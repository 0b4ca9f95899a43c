import 'i18next';
import type en from './en.json';

// Every t('key') is checked against en.json at compile time; i18n.test.ts checks es.json has the same keys.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
