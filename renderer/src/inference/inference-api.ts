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

/**
 * The renderer's one handle on tfjs, which runs in a Web Worker. Every model on screen is loaded once and
 * predicted in one batched call per tick.
 */
export interface InferenceClient {
  /** Resolves once a backend is chosen (webgpu → webgl → wasm → cpu unless forced). */
  ready(): Promise<BackendInfo>;
  /** Loads a tfjs layers model from model.json (weights beside it); rejects naming the file at fault. */
  loadModel(modelId: string, modelJsonUrl: string): Promise<{ inputShapes: (number | null)[][]; outputShapes: (number | null)[][] }>;
  /** Runs one batched prediction; returns one TensorData per model output. */
  predict(modelId: string, inputs: TensorData[]): Promise<TensorData[]>;
  unloadModel(modelId: string): Promise<void>;
  /** Called when the backend changes (e.g. after a lost WebGPU device). */
  onBackendChange(listener: (info: BackendInfo) => void): () => void;
}
