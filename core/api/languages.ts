// The languages the app ships: shared by the renderer (i18next) and the desktop menu (View → Language).
/** The languages the app ships, each named in its own language (a menu of languages is never translated). */
export const LANGUAGES = [
  { code: 'en', nativeName: 'English', shortName: 'EN' },
  { code: 'zh-CN', nativeName: '简体中文', shortName: '中文' },
] as const;

export type Language = (typeof LANGUAGES)[number]['code'];

export const SOURCE_LANGUAGE: Language = 'en';

export const isLanguage = (value: unknown): value is Language => LANGUAGES.some((l) => l.code === value);

/**
 * The first supported language among the user's preferred locales ("zh", "zh-Hans-CN", "zh-SG" → zh-CN;
 * "en-GB" → en), English when none is supported.
 */
export function pickLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    if (lower === 'zh' || lower.startsWith('zh-hans') || lower === 'zh-cn' || lower === 'zh-sg')
      return 'zh-CN';
    if (lower === 'en' || lower.startsWith('en-')) return 'en';
  }
  return SOURCE_LANGUAGE;
}
