import type { TensorData } from './inference-api';

/** tfjs #6507: WebGPU results of all zeros were reported past batch 131, so no chunk is larger. */
export const MAX_BATCH_ROWS = 128;
/** tfjs #8373: a dispatch over 65,535 workgroups in one dimension fails. */
export const MAX_WORKGROUPS_PER_DIMENSION = 65_535;
/** Elements one workgroup of tfjs-webgpu's element-wise and matmul shaders covers, at the least. */
const ELEMENTS_PER_WORKGROUP = 64;
/**
 * Layer outputs understate the largest tensor inside a layer (e.g. im2col taps of a causal convolution are
 * kernel-size times the output); this margin keeps those under the dispatch limit too.
 */
const INTERNAL_EXPANSION = 8;

/** Rows per predict call that keep every dispatch under the limits above. */
export function maxRowsPerChunk(largestElementsPerRow: number): number {
  const perRow = Math.max(1, largestElementsPerRow) * INTERNAL_EXPANSION;
  const byDispatch = Math.floor((MAX_WORKGROUPS_PER_DIMENSION * ELEMENTS_PER_WORKGROUP) / perRow);
  return Math.max(1, Math.min(MAX_BATCH_ROWS, byDispatch));
}

/** Half-open row ranges [start, end) covering `rows` in chunks of at most `maxRows`, as even as possible. */
export function planChunks(rows: number, maxRows: number): [number, number][] {
  if (!Number.isInteger(rows) || rows < 0)
    throw new Error(`batch rows must be a whole number ≥ 0, got ${rows}`);
  if (!Number.isInteger(maxRows) || maxRows < 1) throw new Error(`chunk size must be ≥ 1, got ${maxRows}`);
  const count = Math.ceil(rows / maxRows);
  const out: [number, number][] = [];
  for (let k = 0; k < count; k++)
    out.push([Math.floor((k * rows) / count), Math.floor(((k + 1) * rows) / count)]);
  return out;
}

/** Elements per batch row of a shape [batch, ...rest]. */
export function rowSize(shape: readonly number[]): number {
  let n = 1;
  for (let i = 1; i < shape.length; i++) n *= shape[i]!;
  return n;
}

/** A view (no copy) of rows [start, end) of a batched tensor. */
export function sliceRows(t: TensorData, start: number, end: number): TensorData {
  const size = rowSize(t.shape);
  return { data: t.data.subarray(start * size, end * size), shape: [end - start, ...t.shape.slice(1)] };
}

/** Checks that every input has the same batch size and data matching its shape; returns the batch size. */
export function batchRows(inputs: readonly TensorData[], modelId: string): number {
  if (inputs.length === 0) throw new Error(`predict "${modelId}": no inputs`);
  let rows = -1;
  inputs.forEach((t, i) => {
    const expected = t.shape.reduce((a, b) => a * b, 1);
    if (t.data.length !== expected)
      throw new Error(
        `predict "${modelId}": input ${i} has ${t.data.length} values for shape [${t.shape.join(', ')}] (${expected})`,
      );
    const n = t.shape[0] ?? 0;
    if (rows >= 0 && n !== rows)
      throw new Error(`predict "${modelId}": input ${i} has batch ${n}, input 0 has ${rows}`);
    rows = n;
  });
  return rows;
}
