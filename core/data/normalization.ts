import { z } from 'zod';
import { describeIssues } from '../validation/describe-issues';
import { cloneFrame, type SampleFrame } from './frame';
import { Quality } from './quality';

export const NORMALIZATION_SCHEMA_VERSION = 1;

/** Per-tag z-score statistics, as saved beside a model. */
export const normalizationStatsSchema = z
  .object({
    schemaVersion: z.literal(NORMALIZATION_SCHEMA_VERSION),
    tagIds: z.array(z.string().min(1)).min(1),
    mean: z.array(z.number().finite()),
    /** Already floored; always positive. */
    std: z.array(z.number().finite().positive()),
    /** Good samples each statistic was computed from. */
    count: z.array(z.number().int().nonnegative()),
  })
  .strict()
  .superRefine((s, ctx) => {
    const n = s.tagIds.length;
    for (const key of ['mean', 'std', 'count'] as const)
      if (s[key].length !== n)
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `has ${s[key].length} entries, expected ${n} (one per tag)`,
        });
    if (new Set(s.tagIds).size !== n)
      ctx.addIssue({ code: 'custom', path: ['tagIds'], message: 'tag ids must be unique' });
  });

export type NormalizationStats = z.infer<typeof normalizationStatsSchema>;

export interface FitNormalizationOptions {
  /** Floor on the standard deviation, so constant tags do not divide by zero. Default 1e-6. */
  minStd?: number;
}

/**
 * Mean and (population) standard deviation per tag over the given frames — pass the training split
 * only. Only samples with quality exactly `good` and a finite value count: interpolated, spike-
 * replaced and every other flagged sample is left out. All frames must have the first frame's tags
 * in the same order. Throws naming a tag that has no good sample.
 */
export function fitNormalization(
  frames: readonly SampleFrame[],
  options: FitNormalizationOptions = {},
): NormalizationStats {
  const first = frames[0];
  if (!first) throw new Error('fitNormalization needs at least one training frame');
  const tagIds = [...first.tagIds];
  const minStd = options.minStd ?? 1e-6;
  if (!(minStd > 0)) throw new Error(`fitNormalization: minStd must be positive, got ${minStd}`);
  frames.forEach((f, k) => {
    if (f.tagIds.length !== tagIds.length || f.tagIds.some((id, i) => id !== tagIds[i]))
      throw new Error(
        `fitNormalization: frame ${k} has tags [${f.tagIds.join(', ')}], expected [${tagIds.join(', ')}]`,
      );
  });
  const mean: number[] = [];
  const std: number[] = [];
  const count: number[] = [];
  tagIds.forEach((id, i) => {
    // Welford's algorithm, in float64.
    let n = 0;
    let m = 0;
    let m2 = 0;
    for (const f of frames) {
      const v = f.values[i]!;
      const q = f.quality[i]!;
      for (let r = 0; r < v.length; r++) {
        if (q[r] !== Quality.good) continue;
        const x = v[r]!;
        if (!Number.isFinite(x)) continue;
        n++;
        const d = x - m;
        m += d / n;
        m2 += d * (x - m);
      }
    }
    if (n === 0) throw new Error(`fitNormalization: tag "${id}" has no good sample in the training frames`);
    mean.push(m);
    std.push(Math.max(Math.sqrt(m2 / n), minStd));
    count.push(n);
  });
  return { schemaVersion: NORMALIZATION_SCHEMA_VERSION, tagIds, mean, std, count };
}

/** Validates saved statistics (e.g. parsed JSON); throws a readable error. */
export function parseNormalizationStats(data: unknown): NormalizationStats {
  const r = normalizationStatsSchema.safeParse(data);
  if (!r.success) throw new Error(describeIssues(r.error, { prefix: 'invalid normalization stats' }));
  return r.data;
}

/** For each of `tagIds`, its index in the stats; throws naming a tag the stats do not cover. */
export function statsIndex(stats: NormalizationStats, tagIds: readonly string[]): Int32Array {
  const out = new Int32Array(tagIds.length);
  tagIds.forEach((id, i) => {
    const k = stats.tagIds.indexOf(id);
    if (k < 0) throw new Error(`normalization stats have no entry for tag "${id}"`);
    out[i] = k;
  });
  return out;
}

function mapFrame(
  frame: SampleFrame,
  stats: NormalizationStats,
  inPlace: boolean,
  f: (x: number, mean: number, std: number) => number,
): SampleFrame {
  const idx = statsIndex(stats, frame.tagIds);
  const out = inPlace ? frame : cloneFrame(frame);
  out.values.forEach((col, i) => {
    const k = idx[i]!;
    const mean = stats.mean[k]!;
    const sd = stats.std[k]!;
    for (let r = 0; r < col.length; r++) col[r] = f(col[r]!, mean, sd);
  });
  return out;
}

/**
 * (x − mean) / std for every value of every column (matched to the stats by tag id); NaN stays NaN
 * and quality is unchanged. Returns a new frame unless `inPlace`.
 */
export function applyNormalization(
  frame: SampleFrame,
  stats: NormalizationStats,
  inPlace = false,
): SampleFrame {
  return mapFrame(frame, stats, inPlace, (x, mean, sd) => (x - mean) / sd);
}

/** x · std + mean: the inverse of `applyNormalization`. */
export function invertNormalization(
  frame: SampleFrame,
  stats: NormalizationStats,
  inPlace = false,
): SampleFrame {
  return mapFrame(frame, stats, inPlace, (x, mean, sd) => x * sd + mean);
}

/**
 * Inverts normalization of a flat buffer whose last dimension is `tagIds` (e.g. a model's targets
 * [N, H, tags]), in place.
 */
export function invertNormalizationBuffer(
  buffer: Float32Array,
  stats: NormalizationStats,
  tagIds: readonly string[],
): Float32Array {
  const idx = statsIndex(stats, tagIds);
  const f = tagIds.length;
  if (f === 0 || buffer.length % f !== 0)
    throw new Error(`buffer of ${buffer.length} values is not a whole number of rows of ${f} tags`);
  for (let r = 0; r < buffer.length; r += f)
    for (let j = 0; j < f; j++) {
      const k = idx[j]!;
      buffer[r + j] = buffer[r + j]! * stats.std[k]! + stats.mean[k]!;
    }
  return buffer;
}
