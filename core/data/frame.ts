import { Quality } from './quality';

/**
 * A block of samples in columnar form: one timestamp column and, per tag, one value column and one
 * quality column (codes from `Quality`). Column `i` of `values` and `quality` belongs to `tagIds[i]`;
 * the tag order is fixed by the asset definition. Every column has the length of `t`.
 * No object per sample: this is the shape that travels on the hot path.
 */
export interface SampleFrame {
  /** Sample times (seconds, or cycles for cycle-indexed data), one per row. */
  t: Float64Array;
  tagIds: readonly string[];
  /** values[tag][row]; NaN where no usable value exists. */
  values: Float32Array[];
  /** quality[tag][row]; a `Quality` code. */
  quality: Uint8Array[];
}

/**
 * A frame of `length` rows for `tagIds`: times 0, values NaN and quality `missing`, so rows that are
 * never written stay visibly bad.
 */
export function createFrame(tagIds: readonly string[], length: number): SampleFrame {
  if (!Number.isInteger(length) || length < 0)
    throw new Error(`frame length must be a non-negative integer, got ${length}`);
  const seen = new Set<string>();
  for (const id of tagIds) {
    if (seen.has(id)) throw new Error(`duplicate tag id "${id}" in frame`);
    seen.add(id);
  }
  return {
    t: new Float64Array(length),
    tagIds: [...tagIds],
    values: tagIds.map(() => new Float32Array(length).fill(Number.NaN)),
    quality: tagIds.map(() => new Uint8Array(length).fill(Quality.missing)),
  };
}

/** Throws when the columns of a frame do not match its tag list or its length. */
export function assertFrame(frame: SampleFrame): void {
  const n = frame.t.length;
  if (frame.values.length !== frame.tagIds.length || frame.quality.length !== frame.tagIds.length)
    throw new Error(
      `frame has ${frame.tagIds.length} tags but ${frame.values.length} value and ${frame.quality.length} quality columns`,
    );
  frame.tagIds.forEach((id, i) => {
    if (frame.values[i]?.length !== n || frame.quality[i]?.length !== n)
      throw new Error(`column "${id}" does not have the frame's length ${n}`);
  });
}

/** Column index of `tagId`, or -1. */
export function tagIndex(frame: SampleFrame, tagId: string): number {
  return frame.tagIds.indexOf(tagId);
}

/** A deep copy of a frame. */
export function cloneFrame(frame: SampleFrame): SampleFrame {
  return {
    t: frame.t.slice(),
    tagIds: [...frame.tagIds],
    values: frame.values.map((c) => c.slice()),
    quality: frame.quality.map((c) => c.slice()),
  };
}

/**
 * Rows [start, end) of a frame, as a copy (the result never aliases the input). Negative indices
 * count from the end, like `Array.prototype.slice`.
 */
export function sliceFrame(frame: SampleFrame, start: number, end: number = frame.t.length): SampleFrame {
  return {
    t: frame.t.slice(start, end),
    tagIds: [...frame.tagIds],
    values: frame.values.map((c) => c.slice(start, end)),
    quality: frame.quality.map((c) => c.slice(start, end)),
  };
}

/** Frames with the same tags, in the same order, joined row-wise. Throws naming the first mismatch. */
export function concatFrames(frames: readonly SampleFrame[]): SampleFrame {
  const first = frames[0];
  if (!first) throw new Error('concatFrames needs at least one frame');
  const tagIds = first.tagIds;
  let total = 0;
  frames.forEach((f, k) => {
    if (f.tagIds.length !== tagIds.length || f.tagIds.some((id, i) => id !== tagIds[i]))
      throw new Error(
        `frame ${k} has tags [${f.tagIds.join(', ')}], expected [${tagIds.join(', ')}] as in frame 0`,
      );
    total += f.t.length;
  });
  const out: SampleFrame = {
    t: new Float64Array(total),
    tagIds: [...tagIds],
    values: tagIds.map(() => new Float32Array(total)),
    quality: tagIds.map(() => new Uint8Array(total)),
  };
  let offset = 0;
  for (const f of frames) {
    out.t.set(f.t, offset);
    for (let i = 0; i < tagIds.length; i++) {
      out.values[i]!.set(f.values[i]!, offset);
      out.quality[i]!.set(f.quality[i]!, offset);
    }
    offset += f.t.length;
  }
  return out;
}
