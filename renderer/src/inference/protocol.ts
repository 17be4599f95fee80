import type { BackendInfo, InferenceBackend, LoadModelOptions, TensorData } from './inference-api';
import type { WasmPaths } from './backends';

/** Messages the page sends the inference worker; each gets one reply with the same id. */
export type WorkerRequest =
  | { id: number; type: 'init'; forced: InferenceBackend | null; wasmPaths: WasmPaths }
  | { id: number; type: 'load'; modelId: string; url: string; options: LoadModelOptions }
  | { id: number; type: 'predict'; modelId: string; inputs: TensorData[] }
  | { id: number; type: 'unload'; modelId: string }
  | { id: number; type: 'memory' }
  | { id: number; type: 'lose-device' };

export type WorkerReply =
  { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };

/** Pushed by the worker without a request. */
export type WorkerEvent =
  | { type: 'backend'; info: BackendInfo }
  | { type: 'notice'; level: 'info' | 'warning' | 'error'; message: string };

export type WorkerMessage = WorkerReply | WorkerEvent;

/** The ArrayBuffers of a list of tensors, to transfer rather than copy. */
export function buffersOf(tensors: readonly TensorData[]): ArrayBuffer[] {
  return tensors.map((t) => t.data.buffer as ArrayBuffer).filter((b, i, all) => all.indexOf(b) === i);
}
