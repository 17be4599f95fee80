/**
 * The tfjs side of inference, shared by the Web Worker and the Node tests: loads checked model files,
 * predicts in chunks of safe batch size, and reloads everything after a backend change.
 */
import * as tf from '@tensorflow/tfjs';
// Custom layers (CausalConv1D, …) must be registered before a model that uses them is deserialized.
import '../../../core/ml/layers';
import { batchRows, maxRowsPerChunk, planChunks, rowSize, sliceRows } from './batching';
import type { InferenceMemory, LoadModelOptions, ModelShapes, TensorData } from './inference-api';
import { checkInputRanks, checkShardBytes, ModelFileError, parseModelJson } from './manifest';

/** Reads a file; rejects with a ModelFileError naming the URL when it is missing. */
export type FetchBytes = (url: string) => Promise<ArrayBuffer>;

/** Scheme of models saved in this browser (the model registry). */
export const SAVED_SCHEME = 'indexeddb://';

interface LoadedModel {
  model: tf.LayersModel;
  /** Where to reload it from; null for a model built in memory and not saved yet. */
  url: string | null;
  options: LoadModelOptions;
  shapes: ModelShapes;
  chunkRows: number;
}

function largestElementsPerRow(model: tf.LayersModel): number {
  let largest = 1;
  for (const layer of model.layers) {
    const shapes = (Array.isArray(layer.outputShape[0]) ? layer.outputShape : [layer.outputShape]) as (
      number | null
    )[][];
    for (const s of shapes)
      largest = Math.max(
        largest,
        s.slice(1).reduce<number>((a, d) => a * (d ?? 1), 1),
      );
  }
  return largest;
}

export class InferenceEngine {
  private readonly models = new Map<string, LoadedModel>();

  constructor(private readonly fetchBytes: FetchBytes) {}

  /**
   * Loads `url` under `modelId`; on any problem the model already held under that id stays. An
   * `indexeddb://` URL reads a version saved in this browser's model registry.
   */
  async load(modelId: string, url: string, options: LoadModelOptions = {}): Promise<ModelShapes> {
    if (url.startsWith(SAVED_SCHEME)) return this.adopt(modelId, await loadSaved(url), url, options);
    const jsonText = new TextDecoder().decode(await this.fetchBytes(url));
    const manifest = parseModelJson(jsonText, url);
    const shards = await Promise.all(manifest.paths.map((p) => this.fetchBytes(new URL(p, url).href)));
    checkShardBytes(
      manifest,
      shards.map((s) => s.byteLength),
      url,
    );
    const weightData = tf.io.CompositeArrayBuffer.join(shards);
    let model: tf.LayersModel;
    try {
      model = await tf.loadLayersModel(
        tf.io.fromMemory({
          modelTopology: manifest.modelTopology,
          weightSpecs: manifest.specs as tf.io.WeightsManifestEntry[],
          weightData,
        }),
      );
    } catch (e) {
      throw new ModelFileError(url, `tfjs could not build the model: ${(e as Error).message}`);
    }
    return this.adopt(modelId, model, url, options);
  }

  /** Holds an already built model under `modelId` (replacing and freeing the one there); `url` reloads it. */
  adopt(
    modelId: string,
    model: tf.LayersModel,
    url: string | null,
    options: LoadModelOptions = {},
  ): ModelShapes {
    const shapes: ModelShapes = {
      inputShapes: model.inputs.map((t) => [...t.shape]),
      outputShapes: model.outputs.map((t) => [...t.shape]),
    };
    try {
      checkInputRanks(shapes.inputShapes, options.inputRanks, url ?? modelId, options.olderInputRanks);
    } catch (e) {
      model.dispose();
      throw e;
    }
    const previous = this.models.get(modelId);
    this.models.set(modelId, {
      model,
      url,
      options,
      shapes,
      chunkRows: maxRowsPerChunk(largestElementsPerRow(model)),
    });
    previous?.model.dispose();
    return shapes;
  }

  /** A separate copy (own weights) of a loaded model, e.g. to fine-tune while the original keeps predicting. */
  async copyOf(modelId: string): Promise<tf.LayersModel> {
    const source = this.get(modelId).model;
    let artifacts: tf.io.ModelArtifacts | null = null;
    await source.save(
      tf.io.withSaveHandler(async (a) => {
        artifacts = a;
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
      }),
    );
    if (!artifacts) throw new Error(`model "${modelId}" could not be copied`);
    return tf.loadLayersModel(tf.io.fromMemory(artifacts));
  }

  /** Saves a loaded model (e.g. to `indexeddb://…`); later reloads read it from there. */
  async save(modelId: string, url: string): Promise<number> {
    const loaded = this.get(modelId);
    const result = await loaded.model.save(url);
    loaded.url = url;
    return result.modelArtifactsInfo.weightDataBytes ?? 0;
  }

  unload(modelId: string): void {
    this.models.get(modelId)?.model.dispose();
    this.models.delete(modelId);
  }

  /** How many inputs a loaded model takes. */
  inputCount(modelId: string): number {
    return this.get(modelId).shapes.inputShapes.length;
  }

  /** Largest batch one predict call of this model runs at once. */
  chunkRows(modelId: string): number {
    return this.get(modelId).chunkRows;
  }

  /** One batched prediction; internally split into chunks of at most `chunkRows` rows. */
  async predict(modelId: string, inputs: TensorData[]): Promise<TensorData[]> {
    const loaded = this.get(modelId);
    const rows = batchRows(inputs, modelId);
    if (inputs.length !== loaded.shapes.inputShapes.length)
      throw new Error(
        `predict "${modelId}": ${inputs.length} inputs, the model has ${loaded.shapes.inputShapes.length}`,
      );
    const outShapes = loaded.shapes.outputShapes.map((s) => [rows, ...s.slice(1).map((d) => d ?? 1)]);
    const outputs = outShapes.map((shape) => ({ data: new Float32Array(rows * rowSize(shape)), shape }));
    for (const [start, end] of planChunks(rows, loaded.chunkRows)) {
      const tensors = inputs.map((t) => {
        const part = sliceRows(t, start, end);
        return tf.tensor(part.data, part.shape, 'float32');
      });
      let result: tf.Tensor[] = [];
      try {
        const out = loaded.model.predict(tensors.length === 1 ? tensors[0]! : tensors);
        result = Array.isArray(out) ? out : [out];
        const values = await Promise.all(result.map((r) => r.data()));
        values.forEach((v, k) => {
          const target = outputs[k]!;
          target.data.set(v as Float32Array, start * rowSize(target.shape));
        });
      } finally {
        tf.dispose(tensors);
        tf.dispose(result);
      }
    }
    return outputs;
  }

  /** Loads every model again from its files, e.g. after the backend that held its weights was lost. */
  async reloadAll(): Promise<string[]> {
    const failed: string[] = [];
    for (const [id, m] of [...this.models]) {
      this.models.delete(id);
      try {
        m.model.dispose();
      } catch {
        // The weights lived on a lost device; nothing left to free.
      }
      try {
        if (m.url === null) throw new Error('built in memory and not saved, so it cannot be reloaded');
        await this.load(id, m.url, m.options);
      } catch (e) {
        failed.push(`${id}: ${(e as Error).message}`);
      }
    }
    return failed;
  }

  memory(): InferenceMemory {
    const m = tf.memory();
    return { numTensors: m.numTensors, numBytes: m.numBytes };
  }

  private get(modelId: string): LoadedModel {
    const m = this.models.get(modelId);
    if (!m) throw new Error(`model "${modelId}" is not loaded`);
    return m;
  }
}

async function loadSaved(url: string): Promise<tf.LayersModel> {
  try {
    return await tf.loadLayersModel(url);
  } catch (e) {
    throw new ModelFileError(url, `saved model could not be read (${(e as Error).message})`);
  }
}

/** fetch() as FetchBytes: a missing file is an error naming its URL. */
export const fetchModelFile: FetchBytes = async (url) => {
  let res: Response;
  try {
    res = await fetch(url);
  } catch (e) {
    throw new ModelFileError(url, `could not be read (${(e as Error).message})`);
  }
  if (!res.ok) throw new ModelFileError(url, `missing (HTTP ${res.status})`);
  return res.arrayBuffer();
};
