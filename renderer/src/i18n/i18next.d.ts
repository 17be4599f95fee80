import 'i18next';
import type { en } from './locales/en';

// Keys are typed from the English source: t('shell:toolbar.labels') compiles, a missing key does not.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: typeof en;
  }
}
