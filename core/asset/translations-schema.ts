import { z } from 'zod';

/** A language tag such as "zh-CN" or "de" (BCP 47: language, optional script or region). */
export const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

const names = z.record(z.string(), z.string().min(1));

/**
 * The asset's display texts in one more language; ids, instrument tags and units are never translated.
 * Anything left out shows in the definition's own language.
 */
export const assetTranslationSchema = z
  .object({
    name: z.string().min(1).optional(),
    description: z.string().optional(),
    /** Component id → name. */
    components: names.optional(),
    /** Tag id → name. */
    tags: names.optional(),
    /** Control id → name. */
    controls: names.optional(),
    /** Fault id → name. */
    faults: names.optional(),
    /** Fault id → description (what the fault does to the readings). */
    faultDescriptions: names.optional(),
  })
  .strict();

/** Language tag → texts, e.g. `{ "zh-CN": { "name": "离心泵撬", "tags": { "flow": "出口流量" } } }`. */
export const assetTranslationsSchema = z.record(
  z.string().regex(LANGUAGE_TAG, 'must be a language tag such as "zh-CN"'),
  assetTranslationSchema,
);

export type AssetTranslation = z.infer<typeof assetTranslationSchema>;
export type AssetTranslations = z.infer<typeof assetTranslationsSchema>;
