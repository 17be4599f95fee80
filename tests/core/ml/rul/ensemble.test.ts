/** The seed ensemble is one layers model whose output is the average of its members' outputs. */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { modelFromFiles, modelToFiles } from '../../../../core/ml/io/model-io';
import { buildMember, mergeMembers } from '../../../../core/ml/rul/ensemble';
import { DEFAULT_TCN } from '../../../../core/ml/rul/model';
import { initTfNode } from '../../../../scripts/lib/tf-node';

const cfg = { ...DEFAULT_TCN, filters: 8, dilations: [1, 2], denseUnits: 8, windowLength: 6, features: 4 };

describe('RUL seed ensemble', () => {
  beforeAll(async () => {
    await initTfNode('wasm');
  });

  it('averages the members in one model that survives a save/load round trip', async () => {
    const members = [0, 1, 2].map((i) => buildMember(cfg, 7, i, 3));
    const merged = mergeMembers(cfg, 7, members);
    expect(merged.inputs[0]!.shape).toEqual([null, 6, 4]);
    expect(merged.outputs[0]!.shape).toEqual([null, 3]);
    expect(merged.countParams()).toBe(3 * members[0]!.countParams());

    const x = tf.randomNormal([5, 6, 4], 0, 1, 'float32', 3);
    const outs = members.map((m) => (m.predict(x) as tf.Tensor).arraySync() as number[][]);
    const want = outs[0]!.map((row, i) =>
      row.map((_, j) => (outs[0]![i]![j]! + outs[1]![i]![j]! + outs[2]![i]![j]!) / 3),
    );
    // The members differ (their seeds do), so the average is not any single member.
    expect(outs[0]![0]![1]).not.toBeCloseTo(outs[1]![0]![1]!, 4);

    const loaded = await modelFromFiles(await modelToFiles(merged));
    const got = (loaded.predict(x) as tf.Tensor).arraySync() as number[][];
    for (let i = 0; i < 5; i++) for (let j = 0; j < 3; j++) expect(got[i]![j]).toBeCloseTo(want[i]![j]!, 5);
    [x, merged, loaded, ...members].forEach((t) => t.dispose());
  });

  it('keeps a single member as it is', () => {
    const one = buildMember(cfg, 7, 0, 1);
    expect(mergeMembers(cfg, 7, [one])).toBe(one);
    one.dispose();
    expect(() => mergeMembers(cfg, 7, [])).toThrow(/at least one member/);
  });
});
