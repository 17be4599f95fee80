import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { InferenceEngine } from '../../renderer/src/inference/engine';
import { ModelFileError } from '../../renderer/src/inference/manifest';
import { fixtureBatch, fixtureFiles, TINY } from './inference-fixture';

const BASE = 'http://twin.test/models/tiny/';
const URL_JSON = `${BASE}model.json`;
let good: { json: string; bin: Uint8Array };

type Folder = Record<string, string | Uint8Array>;

/** An engine reading from an in-memory folder (swappable); a missing name is a 404 naming the URL. */
function engineWith(files: Folder, folder = { files }): InferenceEngine {
  return new InferenceEngine(async (url) => {
    const f = folder.files[url.slice(BASE.length)];
    if (f === undefined) throw new ModelFileError(url, 'missing (HTTP 404)');
    const bytes = typeof f === 'string' ? new TextEncoder().encode(f) : f;
    return bytes.slice().buffer;
  });
}

function editJson(
  edit: (json: { weightsManifest: { paths: string[]; weights: { shape: number[] }[] }[] }) => void,
) {
  const json = JSON.parse(good.json);
  edit(json);
  return JSON.stringify(json);
}

beforeAll(async () => {
  await tf.setBackend('cpu');
  const files = await fixtureFiles();
  good = { json: files.modelJson, bin: files.weightsBin };
});

describe('model files', () => {
  it('loads the fixture and reports its shapes', async () => {
    const engine = engineWith({ 'model.json': good.json, 'weights.bin': good.bin });
    const shapes = await engine.load('health', URL_JSON, { inputRanks: [3] });
    expect(shapes.inputShapes).toEqual([[null, TINY.steps, TINY.channels]]);
    expect(shapes.outputShapes).toEqual([
      [null, TINY.components],
      [null, TINY.classes],
      [null, 2],
    ]);
    engine.unload('health');
  });

  const bad: [string, () => Record<string, string | Uint8Array>, RegExp][] = [
    [
      'a weight shape that does not match the bytes',
      () => ({
        'model.json': editJson((j) => {
          j.weightsManifest[0]!.weights[0]!.shape = [99, 16];
        }),
        'weights.bin': good.bin,
      }),
      /model\.json: weights manifest needs \d+ bytes .* shards hold 5552/,
    ],
    [
      'a truncated weights file',
      () => ({ 'model.json': good.json, 'weights.bin': good.bin.subarray(0, 1000) }),
      /model\.json: .*shards hold 1000 \(\.\/weights\.bin 1000 B\)/,
    ],
    [
      'a missing shard',
      () => ({ 'model.json': good.json }),
      /models\/tiny\/weights\.bin: missing \(HTTP 404\)/,
    ],
    [
      "a '../' weight path",
      () => ({
        'model.json': editJson((j) => {
          j.weightsManifest[0]!.paths = ['../secret/weights.bin'];
        }),
        'weights.bin': good.bin,
      }),
      /model\.json: weightsManifest\[0\]\.paths\[0\] "\.\.\/secret\/weights\.bin" leaves its folder with "\.\."/,
    ],
    [
      'an absolute weight URL',
      () => ({
        'model.json': editJson((j) => {
          j.weightsManifest[0]!.paths = ['https://cdn.example/weights.bin'];
        }),
        'weights.bin': good.bin,
      }),
      /model\.json: weightsManifest\[0\]\.paths\[0\] "https:.*" is a URL or drive path/,
    ],
    [
      "a percent-encoded '../' weight path",
      () => ({
        'model.json': editJson((j) => {
          j.weightsManifest[0]!.paths = ['%2e%2e%2fsecret%2fweights.bin'];
        }),
        'weights.bin': good.bin,
      }),
      /models\/tiny\/model\.json: weightsManifest\[0\]\.paths\[0\] "%2e%2e%2fsecret%2fweights\.bin" leaves its folder with "\.\." \(decoded: "\.\.\/secret\/weights\.bin"\)/,
    ],
    [
      'broken JSON',
      () => ({ 'model.json': '{"modelTopology": ', 'weights.bin': good.bin }),
      /model\.json: not valid JSON/,
    ],
  ];

  it.each(bad)(
    'rejects %s naming the file, and the previous model keeps predicting',
    async (_, files, message) => {
      const folder: { files: Folder } = { files: { 'model.json': good.json, 'weights.bin': good.bin } };
      const engine = engineWith(folder.files, folder);
      await engine.load('health', URL_JSON);
      const x = fixtureBatch(2);
      const before = await engine.predict('health', [{ data: x, shape: [2, TINY.steps, TINY.channels] }]);
      // New, broken files behind the same URL.
      folder.files = files();
      await expect(engine.load('health', URL_JSON)).rejects.toThrow(message);
      const after = await engine.predict('health', [{ data: x, shape: [2, TINY.steps, TINY.channels] }]);
      expect(after[0]!.data).toEqual(before[0]!.data);
      engine.unload('health');
    },
  );

  it('rejects a model whose input rank differs from what the app feeds', async () => {
    const engine = engineWith({ 'model.json': good.json, 'weights.bin': good.bin });
    const tensorsBefore = tf.memory().numTensors;
    await expect(engine.load('health', URL_JSON, { inputRanks: [2] })).rejects.toThrow(
      /model\.json: input 0 has rank 3 \[batch, 16, 8\], the app feeds rank 2/,
    );
    expect(tf.memory().numTensors).toBe(tensorsBefore);
  });

  it('accepts the inputs of an older version of a model beside the current ones', async () => {
    const engine = engineWith({ 'model.json': good.json, 'weights.bin': good.bin });
    // The app now feeds two inputs; this model is of the older kind with one.
    const shapes = await engine.load('health', URL_JSON, { inputRanks: [3, 2], olderInputRanks: [3] });
    expect(shapes.inputShapes).toHaveLength(1);
    expect(engine.inputCount('health')).toBe(1);
    await expect(
      engine.load('health', URL_JSON, { inputRanks: [3, 2], olderInputRanks: [2] }),
    ).rejects.toThrow(/model\.json: input 0 has rank 3 \[batch, 16, 8\], the app feeds rank 2/);
    engine.unload('health');
  });
});

describe('batched prediction', () => {
  it('matches unchunked tfjs output at batch 1, 131, 132 and 300', async () => {
    const engine = engineWith({ 'model.json': good.json, 'weights.bin': good.bin });
    await engine.load('health', URL_JSON);
    const json = JSON.parse(good.json) as tf.io.ModelJSON;
    const reference = await tf.loadLayersModel(
      tf.io.fromMemory({
        modelTopology: json.modelTopology,
        weightSpecs: json.weightsManifest[0]!.weights,
        weightData: good.bin.slice().buffer,
      }),
    );
    for (const rows of [1, 131, 132, 300]) {
      const x = fixtureBatch(rows, TINY, rows);
      const out = await engine.predict('health', [
        { data: x.slice(), shape: [rows, TINY.steps, TINY.channels] },
      ]);
      const expected = tf.tidy(() =>
        (reference.predict(tf.tensor3d(x, [rows, TINY.steps, TINY.channels])) as tf.Tensor[]).map((t) =>
          t.dataSync(),
        ),
      );
      out.forEach((o, k) => {
        expect(o.shape[0]).toBe(rows);
        const e = expected[k]!;
        let worst = 0;
        for (let i = 0; i < e.length; i++) worst = Math.max(worst, Math.abs(o.data[i]! - e[i]!));
        expect(worst).toBeLessThan(1e-6);
      });
      // The last rows are real predictions, not zeros (tfjs #6507).
      const anomaly = out[0]!.data;
      expect(anomaly.subarray(anomaly.length - TINY.components).some((v) => v !== 0)).toBe(true);
    }
    reference.dispose();
    engine.unload('health');
  });

  it('keeps tf.memory().numTensors flat over 10,000 ticks', async () => {
    const engine = engineWith({ 'model.json': good.json, 'weights.bin': good.bin });
    await engine.load('health', URL_JSON);
    const x = fixtureBatch(1);
    const shape = [1, TINY.steps, TINY.channels];
    await engine.predict('health', [{ data: x, shape }]);
    const start = engine.memory().numTensors;
    for (let tick = 0; tick < 10_000; tick++) await engine.predict('health', [{ data: x, shape }]);
    expect(engine.memory().numTensors).toBe(start);
    engine.unload('health');
  }, 120_000);
});
