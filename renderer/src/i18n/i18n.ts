import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { SOURCE_LANGUAGE, type Language } from './languages';
import { NAMESPACES, resources } from './resources';
import { initialLanguage, storeLanguage } from './stored-language';

/**
 * The app's one i18next instance, initialised synchronously on import (resources are bundled) so that the
 * first render and every formatter already speak the chosen language.
 */
export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources,
  lng: initialLanguage(),
  fallbackLng: SOURCE_LANGUAGE,
  ns: NAMESPACES,
  defaultNS: 'common',
  initAsync: false,
  showSupportNotice: false,
  // React escapes text already.
  interpolation: { escapeValue: false },
});
markDocumentLanguage();

/** The language in force now. */
export function activeLanguage(): Language {
  return i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
}

/** Switches every mounted component to the language at once, without a reload, and remembers the choice. */
export function setLanguage(language: Language): void {
  storeLanguage(language);
  void i18n.changeLanguage(language);
  markDocumentLanguage();
}

/** `<html lang>` drives the CSS font choice for CJK text and screen readers' voice. */
function markDocumentLanguage(): void {
  if (typeof document !== 'undefined') document.documentElement.lang = activeLanguage();
}
