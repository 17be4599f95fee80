import { describe, expect, it } from 'vitest';
import {
  backendCandidates,
  describeAdapter,
  forcedBackend,
  parseBackend,
} from '../../renderer/src/inference/backend-choice';
import { batchRows, maxRowsPerChunk, planChunks, sliceRows } from '../../renderer/src/inference/batching';

describe('backend choice', () => {
  it('prefers webgpu, then webgl, wasm and cpu', () => {
    expect(backendCandidates(null)).toEqual(['webgpu', 'webgl', 'wasm', 'cpu']);
  });

  it('starts at a forced backend and keeps the slower ones behind it as fallbacks', () => {
    expect(backendCandidates('wasm')).toEqual(['wasm', 'cpu']);
    expect(backendCandidates('cpu')).toEqual(['cpu']);
  });

  it('never retries a backend whose device was lost', () => {
    expect(backendCandidates(null, new Set(['webgpu']))).toEqual(['webgl', 'wasm', 'cpu']);
    expect(backendCandidates('webgpu', new Set(['webgpu', 'webgl']))).toEqual(['wasm', 'cpu']);
  });

  it('reads ?backend= before the saved setting and ignores unknown names', () => {
    expect(forcedBackend('?backend=cpu', 'webgl')).toBe('cpu');
    expect(forcedBackend('?backend=cuda', 'webgl')).toBe('webgl');
    expect(forcedBackend('', null)).toBeNull();
    expect(parseBackend('WEBGPU')).toBeNull();
  });

  it('names SwiftShader plainly and falls back through the adapter fields', () => {
    expect(describeAdapter({ vendor: 'google', architecture: 'swiftshader' })).toBe('swiftshader');
    expect(
      describeAdapter({ description: 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)))' }),
    ).toBe('swiftshader');
    expect(describeAdapter({ vendor: 'nvidia', architecture: '' })).toBe('nvidia');
    expect(describeAdapter({})).toBe('unknown adapter');
  });
});

describe('batch chunking', () => {
  it('never runs more than 128 rows at once (tfjs #6507) and splits evenly', () => {
    expect(maxRowsPerChunk(10)).toBe(128);
    expect(planChunks(131, 128)).toEqual([
      [0, 65],
      [65, 131],
    ]);
    expect(planChunks(128, 128)).toEqual([[0, 128]]);
    expect(planChunks(1, 128)).toEqual([[0, 1]]);
    expect(planChunks(0, 128)).toEqual([]);
    const big = planChunks(1000, 128);
    expect(big).toHaveLength(8);
    expect(big.every(([a, b]) => b - a <= 128)).toBe(true);
    expect(big.at(-1)?.[1]).toBe(1000);
  });

  it('shrinks chunks of wide models so no dispatch reaches 65,535 workgroups (tfjs #8373)', () => {
    const rows = maxRowsPerChunk(48 * 128);
    expect(rows).toBeLessThan(128);
    expect(rows * 48 * 128 * 8).toBeLessThan(65_535 * 64);
    expect(maxRowsPerChunk(10_000_000)).toBe(1);
  });

  it('slices rows without copying and checks batch sizes agree', () => {
    const t = { data: Float32Array.from({ length: 12 }, (_, i) => i), shape: [3, 2, 2] };
    const s = sliceRows(t, 1, 3);
    expect(s.shape).toEqual([2, 2, 2]);
    expect([...s.data]).toEqual([4, 5, 6, 7, 8, 9, 10, 11]);
    expect(s.data.buffer).toBe(t.data.buffer);
    expect(batchRows([t], 'm')).toBe(3);
    expect(() => batchRows([t, { data: new Float32Array(4), shape: [2, 2] }], 'health')).toThrow(
      /health.*batch 2/,
    );
    expect(() => batchRows([{ data: new Float32Array(5), shape: [2, 2] }], 'health')).toThrow(/5 values/);
  });
});
