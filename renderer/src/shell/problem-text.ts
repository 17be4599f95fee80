import { i18n } from '../i18n/i18n';

/** One translated sentence per validator message pattern; the field path is shown beside it, untranslated. */
type Rule = [pattern: RegExp, say: (m: Match) => string];
/** A pattern's match; a group that did not take part reads as empty. */
type Match = (group: number) => string;

const t = i18n.t;
const TYPES = ['number', 'string', 'boolean', 'array', 'object'] as const;
const typeName = (type: string): string => {
  const known = TYPES.find((k) => k === type);
  return known ? t(`errors:type.${known}`) : type;
};

const RULES: Rule[] = [
  [/^unknown unit "(.*)"$/, (m) => t('errors:unknownUnit', { unit: m(1) })],
  [
    /^"(.*)" cannot be converted to the tag's unit "(.*)"$/,
    (m) => t('errors:unitMismatch', { unit: m(1), tagUnit: m(2) }),
  ],
  [/is not valid JSON: (.*)$/, (m) => t('errors:invalidJson', { detail: m(1) })],
  [/^schemaVersion (.*)$/, (m) => t('errors:schemaVersion', { detail: m(1) })],
  [/^Invalid input: expected \w+, received undefined$/, () => t('errors:required')],
  [/^Invalid input: expected (\w+)/, (m) => t('errors:invalidType', { expected: typeName(m(1)) })],
  [/^Too small: expected \w+ to (?:have|be) (>=?\s*[\d.]+)/, (m) => t('errors:tooSmall', { minimum: m(1) })],
  [/^Too big: expected \w+ to (?:have|be) (<=?\s*[\d.]+)/, (m) => t('errors:tooBig', { maximum: m(1) })],
  [/^Invalid option: expected one of (.*)$/, (m) => t('errors:invalidValue', { values: m(1) })],
  [/^Unrecognized keys?: (.*)$/, (m) => t('errors:unrecognizedKeys', { keys: m(1) })],
  [/^Invalid (?:string|format)/, () => t('errors:invalidFormat')],
  [
    /^unknown (tag|component|control|fault) "(.*)"$/,
    (m) => t(`errors:unknownId.${m(1) as IdKind}`, { id: m(2) }),
  ],
  [
    /^duplicate (tag|component) id "(.*)"$/,
    (m) => t(`errors:duplicateId.${m(1) as 'tag' | 'component'}`, { id: m(2) }),
  ],
];
type IdKind = 'tag' | 'component' | 'control' | 'fault';

/**
 * A file problem's sentence in the active language. The backend's validators write English; the renderer
 * recognises their known sentences and says them again, keeping the values they name. An unknown sentence
 * keeps the validator's words behind a translated lead.
 */
export function problemText(message: string): string {
  for (const [pattern, say] of RULES) {
    const m = pattern.exec(message);
    if (m) return say((group) => m[group] ?? '');
  }
  return t('errors:invalid', { detail: message });
}
