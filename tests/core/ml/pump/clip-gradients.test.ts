import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { clipByGlobalNorm } from '../../../../core/ml/pump/train-loop';

describe('gradient clipping of the pump-skid training loop', () => {
  it('scales all gradients together down to the largest global norm, and leaves smaller ones alone', () => {
    const grads = { a: tf.tensor1d([3, 0]), b: tf.tensor1d([4]) }; // global norm 5
    const clipped = Object.fromEntries(
      clipByGlobalNorm(grads, 1).map((g) => [g.name, Array.from(g.tensor.dataSync())]),
    );
    expect(clipped.a![0]).toBeCloseTo(0.6, 6);
    expect(clipped.a![1]).toBe(0);
    expect(clipped.b![0]).toBeCloseTo(0.8, 6);
    const untouched = clipByGlobalNorm(grads, 10).map((g) => Array.from(g.tensor.dataSync()));
    expect(untouched).toEqual([[3, 0], [4]]);
  });
});
