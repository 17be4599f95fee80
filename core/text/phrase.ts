// A sentence the backend composes, sent as a code and its values so that the renderer can say it in the
// active language. The English `message` stays beside it for logs, the CLI and readers that know no code.
import { z } from 'zod';
import type { PhraseCode } from './phrase-codes';

/** Values a phrase names: ids, addresses, numbers. Ids of tags, faults and controls go as `tag`, `fault`, `control`. */
export type PhraseParams = Readonly<Record<string, string | number>>;

export interface Phrase {
  code: PhraseCode;
  params: PhraseParams;
}

/** A sentence in English, with its phrase when the backend composed it from a known pattern. */
export interface Said {
  message: string;
  phrase: Phrase;
}

export const said = (code: PhraseCode, params: PhraseParams, message: string): Said => ({
  message,
  phrase: { code, params },
});

/** Values of a sentence that quotes another phrase (`{{cause}}`): the quoted code, and its values beside. */
export const withCause = (params: PhraseParams, cause: Phrase): PhraseParams => ({
  ...cause.params,
  ...params,
  cause: cause.code,
});

/** The English words of a plain string or a Said. */
export const messageOf = (text: string | Said): string => (typeof text === 'string' ? text : text.message);
/** The phrase of a Said; null for a plain string (a library's words, or an old recording). */
export const phraseOf = (text: string | Said): Phrase | null =>
  typeof text === 'string' ? null : text.phrase;

/**
 * A phrase as it arrives over the wire: any code (a newer backend may send one this renderer does not know),
 * values that are short strings or finite numbers.
 */
export const wirePhraseSchema = z.object({
  code: z.string().min(1).max(64),
  params: z.record(z.string().max(64), z.union([z.string().max(2000), z.number().finite()])),
});
export type WirePhrase = z.infer<typeof wirePhraseSchema>;
