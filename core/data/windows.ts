import type { SampleFrame } from './frame';
import { statsIndex, type NormalizationStats } from './normalization';
import { isGood } from './quality';

export interface WindowOptions {
  /** Past window length L, in samples (≥ 1). */
  pastLength: number;
  /** Horizon H, in samples (≥ 0): the steps after the past window that are predicted. */
  horizon: number;
  /** Samples between the starts of successive windows (≥ 1). Default 1. */
  stride?: number;
  /** Tags fed to the model as past values, in this order (the `tags` dimension). */
  inputTags: readonly string[];
  /** Tags predicted over the horizon. Default: `inputTags`. */
  targetTags?: readonly string[];
  /** Control columns known in advance over the horizon (the `controls` dimension). Default none. */
  controlTags?: readonly string[];
  /**
   * When given, values are z-scored with these stats while copied. Without it the frame is taken
   * as already normalized.
   */
  normalization?: NormalizationStats;
}

/**
 * Windows cut from one or more frames, ready to wrap as tensors. Every buffer is a flat,
 * row-major (C order) Float32Array; for a buffer of shape [N, S, F], element (n, s, f) is at
 * index (n · S + s) · F + f — window-major, then time step, then feature, so
 * `tf.tensor3d(past, [N, L, F])` takes it as is and one window is one contiguous block.
 *
 * Window n starts at row `starts[n]` of frame `frameIndex[n]`; its past covers rows
 * [start, start + L) and its horizon rows [start + L, start + L + H). Windows never cross frames.
 * A value that is not good (quality other than good/interpolated, or not finite) is written as 0 —
 * the mean, after normalization — with mask 0; good values have mask 1.
 */
export interface Windows {
  count: number;
  pastLength: number;
  horizon: number;
  inputTags: readonly string[];
  targetTags: readonly string[];
  controlTags: readonly string[];
  /** [N, L, inputTags] */
  past: Float32Array;
  /** [N, L, inputTags]: 1 good, 0 bad. */
  pastMask: Float32Array;
  /** [N, H, controlTags] */
  futureControls: Float32Array;
  /** [N, H, targetTags] */
  targets: Float32Array;
  /** [N, H, targetTags]: 1 good, 0 bad, for a masked loss. */
  targetMask: Float32Array;
  /** First past row of each window, within its frame. */
  starts: Int32Array;
  /** Index of the frame each window comes from. */
  frameIndex: Int32Array;
}

/** Number of windows one frame of `rows` rows yields. */
export function windowCount(rows: number, pastLength: number, horizon: number, stride = 1): number {
  const span = pastLength + horizon;
  return rows < span ? 0 : Math.floor((rows - span) / stride) + 1;
}

function columnsOf(frame: SampleFrame, ids: readonly string[], k: number): number[] {
  return ids.map((id) => {
    const c = frame.tagIds.indexOf(id);
    if (c < 0) throw new Error(`frame ${k} has no column "${id}"`);
    return c;
  });
}

/** Cuts sliding windows from each frame; see `Windows` for the layout. */
export function makeWindows(frames: SampleFrame | readonly SampleFrame[], options: WindowOptions): Windows {
  const list: readonly SampleFrame[] = Array.isArray(frames) ? frames : [frames as SampleFrame];
  const L = options.pastLength;
  const H = options.horizon;
  const stride = options.stride ?? 1;
  if (!Number.isInteger(L) || L < 1) throw new Error(`pastLength must be an integer ≥ 1, got ${L}`);
  if (!Number.isInteger(H) || H < 0) throw new Error(`horizon must be an integer ≥ 0, got ${H}`);
  if (!Number.isInteger(stride) || stride < 1)
    throw new Error(`stride must be an integer ≥ 1, got ${stride}`);
  const inputTags = [...options.inputTags];
  const targetTags = [...(options.targetTags ?? options.inputTags)];
  const controlTags = [...(options.controlTags ?? [])];
  const F = inputTags.length;
  const T = targetTags.length;
  const C = controlTags.length;
  if (F === 0) throw new Error('makeWindows needs at least one input tag');

  const norm = options.normalization;
  const scale = (ids: readonly string[]): { mean: Float64Array; std: Float64Array } => {
    const mean = new Float64Array(ids.length);
    const std = new Float64Array(ids.length).fill(1);
    if (norm) {
      const idx = statsIndex(norm, ids);
      idx.forEach((k, j) => {
        mean[j] = norm.mean[k]!;
        std[j] = norm.std[k]!;
      });
    }
    return { mean, std };
  };
  const inScale = scale(inputTags);
  const tgScale = scale(targetTags);
  const ctScale = scale(controlTags);

  let total = 0;
  for (const f of list) total += windowCount(f.t.length, L, H, stride);
  const w: Windows = {
    count: total,
    pastLength: L,
    horizon: H,
    inputTags,
    targetTags,
    controlTags,
    past: new Float32Array(total * L * F),
    pastMask: new Float32Array(total * L * F),
    futureControls: new Float32Array(total * H * C),
    targets: new Float32Array(total * H * T),
    targetMask: new Float32Array(total * H * T),
    starts: new Int32Array(total),
    frameIndex: new Int32Array(total),
  };

  // Copies rows [row0, row0 + steps) of `cols` into `out` at window n (buffers zero-initialised).
  const copy = (
    frame: SampleFrame,
    cols: readonly number[],
    sc: { mean: Float64Array; std: Float64Array },
    row0: number,
    steps: number,
    n: number,
    out: Float32Array,
    mask: Float32Array | null,
  ): void => {
    const width = cols.length;
    for (let j = 0; j < width; j++) {
      const v = frame.values[cols[j]!]!;
      const q = frame.quality[cols[j]!]!;
      const mean = sc.mean[j]!;
      const sd = sc.std[j]!;
      let o = n * steps * width + j;
      for (let s = 0; s < steps; s++, o += width) {
        const x = v[row0 + s]!;
        if (isGood(q[row0 + s]!) && Number.isFinite(x)) {
          out[o] = (x - mean) / sd;
          if (mask) mask[o] = 1;
        }
      }
    }
  };

  let n = 0;
  list.forEach((frame, k) => {
    const count = windowCount(frame.t.length, L, H, stride);
    if (count === 0) return;
    const inCols = columnsOf(frame, inputTags, k);
    const tgCols = columnsOf(frame, targetTags, k);
    const ctCols = columnsOf(frame, controlTags, k);
    for (let i = 0; i < count; i++, n++) {
      const start = i * stride;
      w.starts[n] = start;
      w.frameIndex[n] = k;
      copy(frame, inCols, inScale, start, L, n, w.past, w.pastMask);
      if (H > 0) {
        copy(frame, tgCols, tgScale, start + L, H, n, w.targets, w.targetMask);
        copy(frame, ctCols, ctScale, start + L, H, n, w.futureControls, null);
      }
    }
  });
  return w;
}
