import type { AssetDefinition } from '../../../core/asset/schema';
import { wirePhraseSchema, type WirePhrase } from '../../../core/text/phrase';
import { PHRASE_CODES, type PhraseCode } from '../../../core/text/phrase-codes';
import { i18n } from './i18n';
import { backend } from './locales/en/backend';

const t = i18n.t;
const isCode = (code: string): code is PhraseCode => (PHRASE_CODES as readonly string[]).includes(code);
const FIGURES = ['macroF1', 'rocAuc', 'falseAlarms'] as const;
const isMqttReason = (key: string): key is keyof typeof backend.mqttReason => key in backend.mqttReason;

type Params = WirePhrase['params'];
/** The asset whose fault, control and tag ids a phrase names, with its names in the active language. */
type Names = Pick<AssetDefinition, 'faults' | 'controls' | 'tags'> | null | undefined;
const ID_PARAMS = { fault: 'faults', control: 'controls', tag: 'tags' } as const;

/** Values that name something with words of their own, said again in the active language. */
function localValue(name: string, value: string | number, params: Params, names: Names): string {
  if (name === 'fault' || name === 'control' || name === 'tag') {
    const item = names?.[ID_PARAMS[name]].find((x) => x.id === value);
    return item?.name ?? String(value);
  }
  if (name === 'mqttReason') {
    const key = `c${value}`;
    return isMqttReason(key) ? t(`backend:mqttReason.${key}`) : t('backend:mqttReasonCode', { code: value });
  }
  if (name === 'files') return String(value).split('\n').join(t('backend:fileListJoiner'));
  if (name === 'figure') {
    const figure = FIGURES.find((f) => f === value);
    return figure ? t(`backend:figure.${figure}`) : String(value);
  }
  if (name === 'cause' && typeof value === 'string' && isCode(value)) {
    const { cause: _cause, ...rest } = params;
    return sayKnown(value, rest, names);
  }
  return String(value);
}

function sayKnown(code: PhraseCode, params: Params, names: Names): string {
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) values[name] = localValue(name, value, params, names);
  // An options object (not a bare record of strings) is what selects t()'s typed options overload.
  return t(`backend:phrases.${code}`, { ...values, interpolation: { escapeValue: false } });
}

/**
 * A sentence the backend composed, in the active language: from its phrase (code and values) when this
 * renderer knows the code; otherwise the backend's English words behind a translated lead, so that an old
 * recording, a newer backend or a library's own words still say what happened. `names` (the asset in the
 * active language, localizeAsset) names the faults, controls and tags the phrase gives by id.
 */
export function phraseText(phrase: unknown, message: string, names?: Names): string {
  const parsed = wirePhraseSchema.safeParse(phrase);
  if (parsed.success && isCode(parsed.data.code))
    return sayKnown(parsed.data.code, parsed.data.params, names);
  return t('backend:untranslated', { message });
}

/** Several sentences (a decision's reasons) in the active language, in one line; `phrases` pairs with `messages`. */
export function phrasesText(messages: readonly string[], phrases: readonly unknown[] | undefined): string {
  return messages.map((message, i) => phraseText(phrases?.[i], message)).join(t('backend:listSeparator'));
}

/** The same line closed as a sentence, with the active language's full stop (after a lead such as "Kept:"). */
export function phrasesSentence(
  messages: readonly string[],
  phrases: readonly unknown[] | undefined,
): string {
  return messages.length === 0 ? '' : phrasesText(messages, phrases) + t('backend:fullStop');
}
