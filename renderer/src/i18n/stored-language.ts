import { isLanguage, pickLanguage, type Language } from './languages';

const STORAGE_KEY = 'twinscape.language';

/** The language chosen earlier on this machine, else the one the browser or system prefers. */
export function initialLanguage(): Language {
  const stored = readStored();
  if (stored) return stored;
  const preferred =
    typeof navigator === 'undefined' ? [] : [...(navigator.languages ?? []), navigator.language];
  return pickLanguage(preferred.filter(Boolean));
}

function readStored(): Language | null {
  try {
    const value = globalThis.localStorage?.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : null;
  } catch {
    // Storage can be off (private mode, file:// quirks): fall back to the locale.
    return null;
  }
}

export function storeLanguage(language: Language): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered, still switched.
  }
}
