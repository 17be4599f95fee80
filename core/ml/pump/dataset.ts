/**
 * The pump-skid data set: which episodes it holds, how they split (by episode: no episode's rows
 * are in two splits) and the zod-checked index written beside the binary columns.
 */
import { z } from 'zod';
import { describeIssues } from '../../validation/describe-issues';
import { PLANT_FAULT_IDS, SENSOR_FAULT_IDS } from '../../sim';
import { mulberry32, shuffleInPlace } from '../../random/rng';
import { planEpisode, type EpisodeKind, type EpisodePlan } from './episodes';
import { PUMP_CONTROLS, PUMP_TAGS, SAMPLE_PERIOD_S } from './spec';

export const DATASET_SCHEMA_VERSION = 1;
export type Split = 'train' | 'val' | 'test';

export interface DatasetSizes {
  healthy: number;
  /** Episodes per plant fault type. */
  perPlantFault: number;
  /** Episodes per sensor fault type. */
  perSensorFault: number;
  /**
   * Healthy episodes added to the validation split only, after every other episode (ids and seeds of the
   * others unchanged, so the train and test splits stay byte for byte the same): more healthy running to
   * choose the warning threshold on. 0 or absent: none.
   */
  extraValHealthy?: number;
}

export const DEFAULT_SIZES: DatasetSizes = { healthy: 40, perPlantFault: 18, perSensorFault: 20 };

export interface PlannedEpisode {
  plan: EpisodePlan;
  split: Split;
  /** Index into the fault list of its kind (what `planEpisode` needs to replay it). */
  faultIndex: number;
}

/** 15 % validation and 15 % test of each group (at least one each when the group has three or more). */
function splitGroup(ids: number[], seed: number): Map<number, Split> {
  const order = shuffleInPlace([...ids], mulberry32(seed));
  const n = order.length;
  const nTest = n >= 3 ? Math.max(1, Math.round(0.15 * n)) : 0;
  const nVal = n >= 3 ? Math.max(1, Math.round(0.15 * n)) : 0;
  const out = new Map<number, Split>();
  order.forEach((id, i) => out.set(id, i < nTest ? 'test' : i < nTest + nVal ? 'val' : 'train'));
  return out;
}

export function episodeSeed(datasetSeed: number, id: number): number {
  return (Math.imul(datasetSeed, 100_003) + Math.imul(id + 1, 7_919)) >>> 0;
}

/** Every episode of the data set drawn from `seed`, with its split. */
export function planDataset(seed: number, sizes: DatasetSizes = DEFAULT_SIZES): PlannedEpisode[] {
  const groups: { kind: EpisodeKind; faultIndex: number; count: number }[] = [
    { kind: 'healthy', faultIndex: 0, count: sizes.healthy },
    ...PLANT_FAULT_IDS.map((_, i) => ({ kind: 'plant' as const, faultIndex: i, count: sizes.perPlantFault })),
    ...SENSOR_FAULT_IDS.map((_, i) => ({
      kind: 'sensor' as const,
      faultIndex: i,
      count: sizes.perSensorFault,
    })),
  ];
  const out: PlannedEpisode[] = [];
  let id = 0;
  groups.forEach((g, gi) => {
    const ids = Array.from({ length: g.count }, (_, k) => id + k);
    const splits = splitGroup(ids, seed * 31 + gi);
    for (const eid of ids)
      out.push({
        plan: planEpisode(eid, episodeSeed(seed, eid), g.kind, g.faultIndex),
        split: splits.get(eid)!,
        faultIndex: g.faultIndex,
      });
    id += g.count;
  });
  for (let k = 0; k < (sizes.extraValHealthy ?? 0); k++, id++)
    out.push({ plan: planEpisode(id, episodeSeed(seed, id), 'healthy', 0), split: 'val', faultIndex: 0 });
  return out;
}

const episodeEntry = z
  .object({
    id: z.number().int().nonnegative(),
    seed: z.number().int().nonnegative(),
    split: z.enum(['train', 'val', 'test']),
    kind: z.enum(['healthy', 'plant', 'sensor']),
    faultIndex: z.number().int().nonnegative(),
    faultId: z.string().nullable(),
    targetTag: z.string().nullable(),
    onsetRow: z.number().int().nonnegative(),
    eolRow: z.number().int(),
    rows: z.number().int().positive(),
    /** First row of the episode in the binary columns. */
    rowOffset: z.number().int().nonnegative(),
  })
  .strict();

const binaryFile = z
  .object({
    name: z.string().min(1),
    dtype: z.enum(['float32', 'uint8']),
    /** Values per row. */
    width: z.number().int().positive(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();

export const datasetIndexSchema = z
  .object({
    schemaVersion: z.literal(DATASET_SCHEMA_VERSION),
    asset: z.literal('pump-skid'),
    createdAt: z.string(),
    seed: z.number().int(),
    sizes: z
      .object({
        healthy: z.number().int(),
        perPlantFault: z.number().int(),
        perSensorFault: z.number().int(),
        extraValHealthy: z.number().int().nonnegative().optional(),
      })
      .strict(),
    samplePeriodS: z.number().positive(),
    tagIds: z.array(z.string()),
    controlIds: z.array(z.string()),
    totalRows: z.number().int().positive(),
    /** sha256 over the column files' hashes: names one exact data set. */
    hash: z.string().regex(/^[0-9a-f]{64}$/),
    files: z
      .object({ tags: binaryFile, controls: binaryFile, faultClass: binaryFile, rulHours: binaryFile })
      .strict(),
    episodes: z.array(episodeEntry).min(1),
  })
  .strict()
  .superRefine((ix, ctx) => {
    if (ix.samplePeriodS !== SAMPLE_PERIOD_S)
      ctx.addIssue({ code: 'custom', path: ['samplePeriodS'], message: `expected ${SAMPLE_PERIOD_S}` });
    if (ix.tagIds.join() !== PUMP_TAGS.join())
      ctx.addIssue({ code: 'custom', path: ['tagIds'], message: 'do not match the pump-skid tags' });
    if (ix.controlIds.join() !== PUMP_CONTROLS.join())
      ctx.addIssue({ code: 'custom', path: ['controlIds'], message: 'do not match the pump-skid controls' });
  });

export type DatasetIndex = z.infer<typeof datasetIndexSchema>;
export type EpisodeEntry = z.infer<typeof episodeEntry>;

export function parseDatasetIndex(json: unknown, source = 'index.json'): DatasetIndex {
  const r = datasetIndexSchema.safeParse(json);
  if (!r.success) throw new Error(describeIssues(r.error, { prefix: source }));
  return r.data;
}
