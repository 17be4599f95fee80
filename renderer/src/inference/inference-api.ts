/**
 * The inference contract: every type the page, the worker protocol and the worker share. It sits above the
 * worker code, which imports it; it imports nothing from the worker.
 */
import type {
  FineTuneData,
  FineTuneOptions,
  FineTuneProgress,
  FineTuneResult,
} from '../../../core/ml/retrain/fine-tune';
import type { HeldOutMetrics, HeldOutTruth } from '../../../core/ml/retrain/held-out-metrics';
import type { WarningRule } from '../../../core/ml/pump/detection-score';
import type {
  NormalRowVerdict,
  NormalTrainOutcome,
  NormalTrainProgress,
  NormalTrainRequest,
} from './normal-api';

/** A tensor crossing the worker boundary: row-major data and its shape. */
export interface TensorData {
  data: Float32Array;
  shape: number[];
}

export type InferenceBackend = 'webgpu' | 'webgl' | 'wasm' | 'cpu';

export interface BackendInfo {
  /** Backend in use. */
  backend: InferenceBackend;
  /** Adapter or renderer description, e.g. "swiftshader". */
  adapter: string;
  /** Why a preferred backend was skipped, if one was (e.g. "webgpu: no adapter"). */
  fallbackReason?: string;
}

/** Shapes of a loaded model, batch dimension first (null = any). */
export interface ModelShapes {
  inputShapes: (number | null)[][];
  outputShapes: (number | null)[][];
}

export interface LoadModelOptions {
  /** Rank each input must have (batch included), e.g. [3] for one [batch, steps, channels] input. */
  inputRanks?: number[];
  /** The ranks of an older version of the model's inputs, accepted as well (e.g. before an input was added). */
  olderInputRanks?: number[];
}

/** URLs of the wasm binaries, keyed by file name as tfjs-backend-wasm asks for them. */
export type WasmPaths = Record<string, string>;

/** A finished (or cancelled) fine-tune, with where it ran and on how many windows. */
export interface FineTuneOutcome extends FineTuneResult {
  backend: string;
  windows: number;
}

/** What the worker's tfjs holds, for leak checks. */
export interface InferenceMemory {
  numTensors: number;
  numBytes: number;
}

/**
 * The renderer's one handle on tfjs, which runs in a Web Worker. Every model on screen is loaded once and
 * predicted in one batched call per tick.
 */
export interface InferenceClient {
  /** Resolves once a backend is chosen (webgpu → webgl → wasm → cpu unless forced). */
  ready(): Promise<BackendInfo>;
  /**
   * Loads a tfjs layers model from model.json (weights beside it); rejects naming the file at fault. A model
   * already loaded under `modelId` keeps running when the new files are bad.
   */
  loadModel(modelId: string, modelJsonUrl: string, options?: LoadModelOptions): Promise<ModelShapes>;
  /** Runs one batched prediction (chunked inside to safe batch sizes); returns one TensorData per output. */
  predict(modelId: string, inputs: TensorData[]): Promise<TensorData[]>;
  unloadModel(modelId: string): Promise<void>;
  /** Called when the backend changes (e.g. after a lost WebGPU device). */
  onBackendChange(listener: (info: BackendInfo) => void): () => void;
  /** Tensors and bytes the worker's tfjs holds now. */
  memory(): Promise<InferenceMemory>;
  /** Test hook: destroys the WebGPU device, as a driver reset would. Resolves false on other backends. */
  loseDevice(): Promise<boolean>;
  /**
   * Fine-tunes a copy of `baseModelId` in the worker (on its backend) with the health model's training
   * loss; the deployed model keeps predicting untouched. When done (not cancelled) the copy is loaded as
   * `candidateId`. `onProgress` gets every batch.
   */
  fineTune(
    request: {
      jobId: string;
      baseModelId: string;
      candidateId: string;
      data: FineTuneData;
      options: FineTuneOptions;
    },
    onProgress: (p: FineTuneProgress) => void,
  ): Promise<FineTuneOutcome>;
  /** Stops a fine-tune before its next batch (it then resolves with cancelled: true). */
  cancelFineTune(jobId: string): Promise<boolean>;
  /**
   * Held-out figures of a loaded health model on windows [N, steps, channels] and, where built, their long
   * baselines [N, features] (`inputs` in that order); a model with the window as its only input gets that.
   */
  evaluate(
    modelId: string,
    inputs: TensorData[],
    truth: HeldOutTruth,
    rule: WarningRule,
  ): Promise<HeldOutMetrics>;
  /** Saves a loaded model to an indexeddb:// URL; returns the weight bytes. */
  saveModel(modelId: string, url: string): Promise<number>;
  /** Deletes a saved model; false when it was not there. */
  deleteSavedModel(url: string): Promise<boolean>;
  /**
   * Learns normal behaviour from `request.frame` in the worker (off the UI thread; statistics, no tensors).
   * `onProgress` gets each step; `cancelFineTune(jobId)` stops it at the next step (cancelled: true).
   */
  trainNormal(
    request: NormalTrainRequest,
    onProgress: (p: NormalTrainProgress) => void,
  ): Promise<NormalTrainOutcome>;
  /** Checks a normal-behaviour card and starts its live scorer; resolves the tag ids rows must follow. */
  loadNormalModel(modelId: string, card: unknown): Promise<string[]>;
  unloadNormalModel(modelId: string): Promise<void>;
  /**
   * Scores rows (row-major, the model's tag order) causally: through the model's live scorer, or with
   * `fresh` through a new one filled from these rows only (a moment of history). The verdict on the last row.
   */
  scoreNormal(modelId: string, rows: Float64Array, fresh: boolean): Promise<NormalRowVerdict | null>;
  /** Ends the worker. */
  dispose(): void;
}
