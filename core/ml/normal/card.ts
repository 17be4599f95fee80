/** Model card of a model of normal behaviour: the whole fitted state plus how it was trained, as JSON. */
import { z } from 'zod';
import { describeIssues } from '../../validation/describe-issues';
import { defineMigrations } from '../../validation/migrations';
import type { NormalModel } from './model';
import type { NormalTrainingReport } from './train';

export const NORMAL_CARD_SCHEMA_VERSION = 2;

const finite = z.number().finite();
const positiveInt = z.number().int().positive();

const persistenceSchema = z
  .object({
    raiseCount: positiveInt,
    raiseWindow: positiveInt,
    clearRatio: z.number().gt(0).max(1),
    /** Absent in cards written before it was a choice: those models cleared on the first row below. */
    clearRows: positiveInt.default(1),
  })
  .strict()
  .refine((p) => p.raiseCount <= p.raiseWindow, { message: 'raiseCount must not exceed raiseWindow' });

const tagSchema = z
  .object({
    id: z.string().min(1),
    unit: z.string().min(1).nullable(),
    range: z.tuple([finite, finite]),
    mean: finite,
    sd: finite.nonnegative(),
    autocorrelationRows: finite.min(1),
    dof: finite.positive(),
    scored: z.boolean(),
  })
  .strict();

export const normalModelSchema = z
  .object({
    tags: z.array(tagSchema).min(1),
    trainingRows: positiveInt,
    windowRows: positiveInt,
    levelWander: finite.nonnegative(),
    threshold: finite.positive(),
    persistence: persistenceSchema,
    hampel: z.object({ halfWindow: positiveInt, threshold: finite.positive() }).strict().nullable(),
  })
  .strict();

const reasonCounts = z
  .object({
    missing: z.number().int().nonnegative(),
    outOfRange: z.number().int().nonnegative(),
    stuck: z.number().int().nonnegative(),
    spike: z.number().int().nonnegative(),
    interpolated: z.number().int().nonnegative(),
  })
  .strict();

export const normalModelCardSchema = z
  .object({
    schemaVersion: z.literal(NORMAL_CARD_SCHEMA_VERSION),
    kind: z.literal('normal-behaviour'),
    /** Asset the model watches and what it was trained on, in words. */
    asset: z.string().min(1),
    trainedOn: z.string(),
    createdAt: z.string(),
    model: normalModelSchema,
    training: z
      .object({
        rows: positiveInt,
        fitRows: positiveInt,
        heldOutRows: positiveInt,
        cleaning: z.record(z.string(), reasonCounts),
        budgetLevel: finite.positive(),
        heldOutInflation: finite.min(1),
        falseAlarmsPerDay: finite.positive(),
        sampleRateHz: finite.positive(),
        unscoredTags: z.array(z.string()),
        /** Absent in cards written before these were recorded. */
        heldOutAlarms: z
          .object({
            alarmRows: z.number().int().nonnegative(),
            alarms: z.number().int().nonnegative(),
            alarmsPerDay: finite.nonnegative(),
          })
          .strict()
          .optional(),
        /** The training rows: where they came from and their time span (epoch ms, or frame s × 1000). */
        data: z.object({ source: z.string(), fromMs: finite, toMs: finite }).strict().optional(),
      })
      .strict(),
  })
  .strict();

export type NormalModelCard = z.infer<typeof normalModelCardSchema>;

const asRecord = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};

/** Schema 1 → 2: tags gain `unit`; a card of schema 1 never knew it, so it is null (not checked). */
function addUnknownUnits(card: Record<string, unknown>): Record<string, unknown> {
  const model = asRecord(card.model);
  if (!Array.isArray(model.tags)) return card;
  const tags: unknown[] = model.tags;
  return { ...card, model: { ...model, tags: tags.map((t) => ({ unit: null, ...asRecord(t) })) } };
}

const migrations = defineMigrations({
  current: NORMAL_CARD_SCHEMA_VERSION,
  steps: { 1: addUnknownUnits },
});

/** Validates a parsed card (e.g. JSON.parse of model-card.json); throws naming `source` and the problem. */
export function parseNormalModelCard(
  json: unknown,
  source = 'normal-behaviour model-card.json',
): NormalModelCard {
  const result = normalModelCardSchema.safeParse(migrations.migrateOrThrow(json, source));
  if (!result.success) throw new Error(describeIssues(result.error, { prefix: source }));
  return result.data;
}

/** The card of a trained model; `JSON.stringify(card)` is the file, and parseNormalModelCard reads it back. */
export function normalModelCard(
  model: NormalModel,
  report: NormalTrainingReport,
  about: {
    asset: string;
    trainedOn: string;
    createdAt: string;
    data?: { source: string; fromMs: number; toMs: number };
  },
): NormalModelCard {
  const { data, ...named } = about;
  return {
    schemaVersion: NORMAL_CARD_SCHEMA_VERSION,
    kind: 'normal-behaviour',
    ...named,
    model,
    training: {
      rows: report.rows,
      fitRows: report.fitRows,
      heldOutRows: report.heldOutRows,
      cleaning: report.cleaning,
      budgetLevel: report.budgetLevel,
      heldOutInflation: report.heldOutInflation,
      falseAlarmsPerDay: report.options.falseAlarmsPerDay,
      sampleRateHz: report.options.sampleRateHz,
      unscoredTags: report.unscoredTags,
      heldOutAlarms: report.heldOutAlarms,
      ...(data ? { data } : {}),
    },
  };
}
