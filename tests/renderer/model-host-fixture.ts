/** An in-process model host over the real inference engine, reading files (and cards, via fetch) from memory. */
import { vi } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { fixtureFiles } from './inference-fixture';
import { InferenceEngine } from '../../renderer/src/inference/engine';
import type { TensorData } from '../../renderer/src/inference/inference-api';
import { ModelFileError } from '../../renderer/src/inference/manifest';
import type { ModelHost } from '../../renderer/src/models/model-package';

export const BASE = 'http://twin.test/models/';
export type Folder = Record<string, string | Uint8Array>;

/** The engine reading model files from `files`; card reads (fetch) from the same folder. */
export function hostOver(files: Folder): { host: ModelHost; predictions: TensorData[][] } {
  const read = (url: string): Uint8Array => {
    const f = files[url.slice(BASE.length)];
    if (f === undefined) throw new ModelFileError(url, 'missing (HTTP 404)');
    return typeof f === 'string' ? new TextEncoder().encode(f) : f;
  };
  vi.stubGlobal('fetch', async (url: string) => {
    try {
      return new Response(read(url).slice());
    } catch {
      return new Response('', { status: 404 });
    }
  });
  const engine = new InferenceEngine(async (url) => read(url).slice().buffer);
  const predictions: TensorData[][] = [];
  const host: ModelHost = {
    loadModel: (id, url, options) => engine.load(id, url, options),
    predict: (id, inputs) => {
      predictions.push(inputs);
      return engine.predict(id, inputs);
    },
    unloadModel: async (id) => engine.unload(id),
  };
  return { host, predictions };
}

/** The tiny fixture model as a folder "tiny/", on the cpu backend so tests run the same everywhere. */
export async function tinyModelFolder(): Promise<Folder> {
  await tf.setBackend('cpu');
  const files = await fixtureFiles();
  return { 'tiny/model.json': files.modelJson, 'tiny/weights.bin': files.weightsBin };
}
