import { z } from 'zod';

/** How a model was trained, as recorded in every model card. */
export const trainingRunSchema = z
  .object({
    seed: z.number().int(),
    epochsMax: z.number().int().positive(),
    epochsRun: z.number().int().positive(),
    bestEpoch: z.number().int().nonnegative(),
    batchSize: z.number().int().positive(),
    learningRate: z.number().positive(),
    maxWindowsPerEpoch: z.number().int().positive(),
    loss: z.string(),
    timeSeconds: z.number().nonnegative(),
    tfjsVersion: z.string(),
    backend: z.string(),
  })
  .strict();
