import type { BackendInfo, InferenceBackend, LoadModelOptions, TensorData, WasmPaths } from './inference-api';
import type { FineTuneData, FineTuneOptions, FineTuneProgress } from '../../../core/ml/retrain/fine-tune';
import type { HeldOutTruth } from '../../../core/ml/retrain/held-out-metrics';
import type { WarningRule } from '../../../core/ml/pump/detection-score';
import type { NormalTrainProgress, NormalTrainRequest } from './normal-api';

/** Messages the page sends the inference worker; each gets one reply with the same id. */
export type WorkerRequest =
  | { id: number; type: 'init'; forced: InferenceBackend | null; wasmPaths: WasmPaths }
  | { id: number; type: 'load'; modelId: string; url: string; options: LoadModelOptions }
  | { id: number; type: 'predict'; modelId: string; inputs: TensorData[] }
  | { id: number; type: 'unload'; modelId: string }
  | { id: number; type: 'memory' }
  | { id: number; type: 'lose-device' }
  /** Fine-tunes a copy of `baseModelId`; the copy is held as `candidateId` when done. Not queued behind predictions. */
  | {
      id: number;
      type: 'fine-tune';
      jobId: string;
      baseModelId: string;
      candidateId: string;
      data: FineTuneData;
      options: FineTuneOptions;
    }
  /** Stops that job before its next batch; answered at once. */
  | { id: number; type: 'cancel'; jobId: string }
  /** Held-out figures of a loaded health model. */
  | {
      id: number;
      type: 'evaluate';
      modelId: string;
      /** The windows and, where built, their long baselines; a model with one input gets the windows only. */
      inputs: TensorData[];
      truth: HeldOutTruth;
      /** The shipped card's warning rule (detection score kind, threshold, debounce). */
      rule: WarningRule;
    }
  /** Saves a loaded model to `url` (indexeddb://…); reloads then read it from there. */
  | { id: number; type: 'save'; modelId: string; url: string }
  | { id: number; type: 'delete-saved'; url: string }
  /** Learns normal behaviour (statistics, no tensors); not queued behind predictions; stopped by 'cancel'. */
  | ({ id: number; type: 'normal-train' } & NormalTrainRequest)
  /** Checks a normal-behaviour model card and starts its live scorer under `modelId`. */
  | { id: number; type: 'normal-load'; modelId: string; card: unknown }
  | { id: number; type: 'normal-unload'; modelId: string }
  /** Rows (row-major, model tag order) through the live scorer, or through a fresh one when `fresh`. */
  | { id: number; type: 'normal-score'; modelId: string; rows: Float64Array; fresh: boolean };

export type WorkerReply =
  { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };

/** The worker fell back to another tfjs backend (its device was lost) and reloaded the models. */
export interface BackendMoved {
  from: string;
  to: string;
  /** Why, in the browser's or tfjs's own words. */
  reason: string;
  /** Models that could not be reloaded, each with why. */
  broken: string[];
}

/** Pushed by the worker without a request. */
export type WorkerEvent =
  | { type: 'backend'; info: BackendInfo }
  | ({ type: 'backend-moved' } & BackendMoved)
  | { type: 'train-progress'; jobId: string; progress: FineTuneProgress }
  | { type: 'normal-progress'; jobId: string; progress: NormalTrainProgress };

export type WorkerMessage = WorkerReply | WorkerEvent;

/** The ArrayBuffers of a list of tensors, to transfer rather than copy. */
export function buffersOf(tensors: readonly TensorData[]): ArrayBuffer[] {
  return tensors.map((t) => t.data.buffer as ArrayBuffer).filter((b, i, all) => all.indexOf(b) === i);
}
