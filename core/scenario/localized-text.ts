import { z } from 'zod';

/** The languages a scenario file may write its texts in (the app's languages; core/api sits above this layer). */
export type ScenarioLanguage = 'en' | 'zh-CN';

/**
 * A text a trainee reads, in every language the scenario's author wrote it in. English is required: it is
 * what a language without its own text falls back to.
 */
export type LocalizedText = { en: string } & Partial<Record<Exclude<ScenarioLanguage, 'en'>, string>>;

/** How a scenario file may write a text: a plain string (English) or one text per language. */
export type LocalizedTextInput = string | LocalizedText;

const NOT_A_TEXT = 'expected a text, or one text per language: { "en": "…", "zh-CN": "…" }';

/**
 * A scenario text as a file writes it, read into a LocalizedText. A problem is reported at the field's path
 * (`timeline[3].choices[1].zh-CN`).
 */
export function localizedTextSchema(limits: { max: number; allowEmpty?: boolean }) {
  const line = limits.allowEmpty ? z.string().max(limits.max) : z.string().min(1).max(limits.max);
  const perLanguage = z.strictObject({ en: line, 'zh-CN': line.optional() });
  return z.custom<LocalizedTextInput>().transform((value, ctx): LocalizedText => {
    const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
    if (typeof value !== 'string' && !isObject) {
      ctx.issues.push({ code: 'custom', message: NOT_A_TEXT, input: value });
      return z.NEVER;
    }
    const result = (typeof value === 'string' ? line : perLanguage).safeParse(value);
    if (!result.success) {
      for (const { path, message } of result.error.issues)
        ctx.issues.push({ code: 'custom', path, message, input: value });
      return z.NEVER;
    }
    if (typeof result.data === 'string') return { en: result.data };
    const { en, 'zh-CN': zh } = result.data;
    return zh === undefined ? { en } : { en, 'zh-CN': zh };
  });
}

/** The text in `language`, else English. */
export function textIn(text: LocalizedText, language: ScenarioLanguage): string {
  return text[language] || text.en;
}

/** A text in English alone (an alarm message without a known tag, a missing choice). */
export const englishText = (en: string): LocalizedText => ({ en });
