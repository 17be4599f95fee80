import { wirePhraseSchema, type WirePhrase } from '../../../core/text/phrase';
import { PHRASE_CODES, type PhraseCode } from '../../../core/text/phrase-codes';
import { i18n } from './i18n';
import { backend } from './locales/en/backend';

const t = i18n.t;
const isCode = (code: string): code is PhraseCode => (PHRASE_CODES as readonly string[]).includes(code);
const FIGURES = ['macroF1', 'rocAuc', 'falseAlarms'] as const;
const isMqttReason = (key: string): key is keyof typeof backend.mqttReason => key in backend.mqttReason;

/** Values that name something with words of their own, said again in the active language. */
function localValue(name: string, value: string | number, params: WirePhrase['params']): string {
  if (name === 'mqttReason') {
    const key = `c${value}`;
    return isMqttReason(key) ? t(`backend:mqttReason.${key}`) : t('backend:mqttReasonCode', { code: value });
  }
  if (name === 'figure') {
    const figure = FIGURES.find((f) => f === value);
    return figure ? t(`backend:figure.${figure}`) : String(value);
  }
  if (name === 'cause' && typeof value === 'string' && isCode(value)) {
    const { cause: _cause, ...rest } = params;
    return sayKnown(value, rest);
  }
  return String(value);
}

function sayKnown(code: PhraseCode, params: WirePhrase['params']): string {
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) values[name] = localValue(name, value, params);
  // An options object (not a bare record of strings) is what selects t()'s typed options overload.
  return t(`backend:phrases.${code}`, { ...values, interpolation: { escapeValue: false } });
}

/**
 * A sentence the backend composed, in the active language: from its phrase (code and values) when this
 * renderer knows the code; otherwise the backend's English words behind a translated lead, so that an old
 * recording, a newer backend or a library's own words still say what happened.
 */
export function phraseText(phrase: unknown, message: string): string {
  const parsed = wirePhraseSchema.safeParse(phrase);
  if (parsed.success && isCode(parsed.data.code)) return sayKnown(parsed.data.code, parsed.data.params);
  return t('backend:untranslated', { message });
}

/** Several sentences (a decision's reasons) in the active language, in one line; `phrases` pairs with `messages`. */
export function phrasesText(messages: readonly string[], phrases: readonly unknown[] | undefined): string {
  return messages.map((message, i) => phraseText(phrases?.[i], message)).join(t('backend:listSeparator'));
}
