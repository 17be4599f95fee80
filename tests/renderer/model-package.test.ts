/** Model packages (renderer/src/models): the shape check, the warm-up, predict and dispose under the model's id. */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadModelPackage, shapeMismatch } from '../../renderer/src/models/model-package';
import { TINY } from './inference-fixture';
import { BASE, hostOver, tinyModelFolder, type Folder } from './model-host-fixture';

const TINY_SHAPES = {
  inputs: [[null, TINY.steps, TINY.channels]],
  outputs: [
    [null, TINY.components],
    [null, TINY.classes],
    [null, 2],
  ],
};

let tiny: Folder;

beforeAll(async () => {
  tiny = await tinyModelFolder();
});

afterEach(() => vi.unstubAllGlobals());
describe('shape check', () => {
  const shapes = {
    inputShapes: [[null, 16, 8]],
    outputShapes: [
      [null, 6],
      [null, 4],
    ],
  };

  it('accepts matching shapes, any batch size', () => {
    expect(
      shapeMismatch(shapes, {
        inputs: [[null, 16, 8]],
        outputs: [
          [null, 6],
          [null, 4],
        ],
      }),
    ).toBeNull();
  });

  it.each([
    [
      'an input size',
      {
        inputs: [[null, 16, 9]],
        outputs: [
          [null, 6],
          [null, 4],
        ],
      },
      'input 0 is [batch, 16, 8], the app uses [batch, 16, 9]',
    ],
    [
      'an input rank',
      {
        inputs: [[null, 16]],
        outputs: [
          [null, 6],
          [null, 4],
        ],
      },
      'input 0 is [batch, 16, 8], the app uses [batch, 16]',
    ],
    [
      'the number of inputs',
      {
        inputs: [
          [null, 16, 8],
          [null, 2],
        ],
        outputs: [
          [null, 6],
          [null, 4],
        ],
      },
      'it has 1 inputs, the app uses 2',
    ],
    [
      'an output size',
      {
        inputs: [[null, 16, 8]],
        outputs: [
          [null, 6],
          [null, 5],
        ],
      },
      'output 1 is [batch, 4], the app uses [batch, 5]',
    ],
    [
      'the number of outputs',
      { inputs: [[null, 16, 8]], outputs: [[null, 6]] },
      'it has 2 outputs, the app uses 1',
    ],
  ])('names a different %s', (_, expected, message) => {
    expect(shapeMismatch(shapes, expected)).toBe(message);
  });

  it('checks a model with an older version’s inputs against those', () => {
    const outputs = shapes.outputShapes;
    const twoInputs = {
      inputs: [
        [null, 16, 8],
        [null, 2],
      ],
      outputs,
    };
    expect(shapeMismatch(shapes, { ...twoInputs, olderInputs: [[null, 16, 8]] })).toBeNull();
    expect(shapeMismatch(shapes, { ...twoInputs, olderInputs: [[null, 16, 9]] })).toBe(
      'input 0 is [batch, 16, 8], the app uses [batch, 16, 9]',
    );
  });
});

describe('loadModelPackage', () => {
  const spec = (expected = TINY_SHAPES) => ({
    modelId: 'tiny',
    modelUrl: `${BASE}tiny/model.json`,
    name: 'tiny test model',
    expected,
    fix: 'rebuild the fixture',
  });

  it('loads, warms up on zeros with a batch of one, and predicts and disposes under its id', async () => {
    const { host, predictions } = hostOver(tiny);
    const model = await loadModelPackage(host, spec());
    expect(predictions).toHaveLength(1);
    const [warmUp] = predictions[0]!;
    expect(warmUp!.shape).toEqual([1, TINY.steps, TINY.channels]);
    expect(warmUp!.data.every((v) => v === 0)).toBe(true);
    const out = await model.predict([
      { data: new Float32Array(2 * TINY.steps * TINY.channels), shape: [2, TINY.steps, TINY.channels] },
    ]);
    expect(out.map((o) => o.shape)).toEqual([
      [2, TINY.components],
      [2, TINY.classes],
      [2, 2],
    ]);
    await model.dispose();
    await expect(model.predict(warmUp ? [warmUp] : [])).rejects.toThrow(/model "tiny" is not loaded/);
  });

  it('rejects shapes the app does not build, naming the file, the model and the mismatch', async () => {
    const { host, predictions } = hostOver(tiny);
    const expected = { ...TINY_SHAPES, inputs: [[null, TINY.steps, TINY.channels + 1]] };
    await expect(loadModelPackage(host, spec(expected))).rejects.toThrow(
      'http://twin.test/models/tiny/model.json: the tiny test model does not fit the app: input 0 is [batch, 16, 8], the app uses [batch, 16, 9]; rebuild the fixture',
    );
    expect(predictions).toHaveLength(0);
  });
});
