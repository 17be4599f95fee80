/** Model card of a trained turbofan RUL model (models/turbofan/FD00x/model-card.json). */
import { z } from 'zod';
import { regimeNormalizationSchema } from '../../data/cmapss';
import { trainingRunSchema } from './training-run';
import { defineMigrations } from '../../validation/migrations';

export const MODEL_CARD_SCHEMA_VERSION = 1;

const metricPair = z.object({ rmse: z.number().finite(), score: z.number().finite() }).strict();
const fileRef = z
  .object({
    name: z.string().min(1),
    bytes: z.number().int().nonnegative(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();

export const turbofanModelCardSchema = z
  .object({
    schemaVersion: z.literal(MODEL_CARD_SCHEMA_VERSION),
    asset: z.literal('turbofan'),
    subset: z.enum(['FD001', 'FD002', 'FD003', 'FD004']),
    createdAt: z.string(),
    task: z.string(),
    architecture: z
      .object({
        /** 'tcn' (dilated causal convolutions) or 'trend-mlp' (window summaries → MLP). */
        type: z.enum(['tcn', 'trend-mlp']),
        summary: z.string(),
        windowLength: z.number().int().positive(),
        features: z.number().int().positive(),
        /** TCN only. */
        filters: z.number().int().positive().optional(),
        kernelSize: z.number().int().positive().optional(),
        dilations: z.array(z.number().int().positive()).min(1).optional(),
        convsPerBlock: z.number().int().positive().optional(),
        /** Trend MLP only. */
        hiddenLayers: z.number().int().positive().optional(),
        denseUnits: z.number().int().positive(),
        dropout: z.number().min(0).max(1),
        outputs: z.array(z.string()),
        parameterCount: z.number().int().positive(),
        weightsBytes: z.number().int().positive(),
        /** Seed-ensemble members merged by an Average layer (absent = a single TCN). */
        ensembleMembers: z.number().int().positive().optional(),
      })
      .strict(),
    dataset: z
      .object({
        name: z.string(),
        trainFile: fileRef,
        trainUnits: z.array(z.number().int().positive()),
        valUnits: z.array(z.number().int().positive()),
        trainWindows: z.number().int().positive(),
        valWindows: z.number().int().positive(),
      })
      .strict(),
    features: z
      .object({
        sensors: z.array(z.number().int().min(1).max(21)).min(1),
        names: z.array(z.string()).min(1),
        regimeOneHot: z.boolean(),
        windowLength: z.number().int().positive(),
        padding: z.literal('repeat-first-row'),
        minHistory: z.number().int().positive(),
        rulCap: z.number().positive(),
        /** Exponential smoothing factor α of the z-scored sensors (absent = none). */
        smoothing: z.number().gt(0).max(1).optional(),
        /** Scale of the age channel (cycle number / ageScale), the last channel; absent = none. */
        ageScale: z.number().positive().optional(),
        /** Whether the last channel marks real rows (1) against padding (0). */
        validMask: z.boolean().optional(),
      })
      .strict(),
    normalization: regimeNormalizationSchema,
    training: trainingRunSchema.extend({
      /** Learning-rate schedule ('cosine' or 'plateau'). */
      schedule: z.string().optional(),
      /** Per ensemble member: its seed and its own validation figures (all held-out windows). */
      members: z
        .array(z.object({ seed: z.number().int(), rmse: z.number(), score: z.number() }).strict())
        .optional(),
    }),
    validation: z
      .object({
        protocol: z.string(),
        rmse: z.number().finite(),
        score: z.number().finite(),
        lastCycle: metricPair.nullable(),
        /**
         * The interval widening fitted on the held-out windows (core/ml/rul/interval-calibration.ts): scale k
         * and the share of held-out truths inside [q10, q90] before and after it.
         */
        interval: z
          .object({
            scale: z.number().positive(),
            nominal: z.number().gt(0).lt(1),
            coverageBefore: z.number().min(0).max(1),
            coverageAfter: z.number().min(0).max(1),
          })
          .strict()
          .optional(),
      })
      .strict(),
    test: z
      .object({
        protocol: z.string(),
        testFile: fileRef,
        rulFile: fileRef,
        units: z.number().int().positive(),
        capped: metricPair,
        raw: metricPair,
        intervalCoverage: z.number().min(0).max(1),
      })
      .strict()
      .nullable(),
  })
  .strict();

export type TurbofanModelCard = z.infer<typeof turbofanModelCardSchema>;

/** One version so far; a card from a newer Twinscape is refused with advice to update. */
const turbofanCardMigrations = defineMigrations({ current: MODEL_CARD_SCHEMA_VERSION });

export function parseModelCard(json: unknown, source = 'turbofan model-card.json'): TurbofanModelCard {
  return turbofanModelCardSchema.parse(turbofanCardMigrations.migrateOrThrow(json, source));
}
