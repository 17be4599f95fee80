/** The page side of the inference worker: the InferenceClient over postMessage. */
import { backendMovedText } from './backend-moved-text';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type {
  BackendInfo,
  FineTuneOutcome,
  InferenceBackend,
  InferenceClient,
  InferenceMemory,
  LoadModelOptions,
  ModelShapes,
  TensorData,
} from './inference-api';
import type { FineTuneProgress } from '../../../core/ml/retrain/fine-tune';
import type { HeldOutMetrics } from '../../../core/ml/retrain/held-out-metrics';
import type { NormalRowVerdict, NormalTrainOutcome, NormalTrainProgress } from './normal-api';
import { buffersOf, type WorkerMessage, type WorkerRequest } from './protocol';

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };
type Body<T> = T extends unknown ? Omit<T, 'id'> : never;

/** Absolute URLs, since the worker resolves relative ones against its own script. */
const wasmPaths = () => ({
  'tfjs-backend-wasm.wasm': new URL(wasmPlain, location.href).href,
  'tfjs-backend-wasm-simd.wasm': new URL(wasmSimd, location.href).href,
  'tfjs-backend-wasm-threaded-simd.wasm': new URL(wasmThreaded, location.href).href,
});

export function createWorkerInferenceClient(
  forced: InferenceBackend | null,
  onNotice: (level: 'info' | 'warning' | 'error', message: string) => void,
): InferenceClient {
  const worker = new Worker(new URL('./inference.worker.ts', import.meta.url), { type: 'module' });
  const pending = new Map<number, Pending>();
  const listeners = new Set<(info: BackendInfo) => void>();
  const progress = new Map<string, (p: FineTuneProgress) => void>();
  const normalProgress = new Map<string, (p: NormalTrainProgress) => void>();
  let nextId = 1;

  worker.onmessage = (e: MessageEvent<WorkerMessage>) => {
    const msg = e.data;
    if ('id' in msg) {
      const p = pending.get(msg.id);
      pending.delete(msg.id);
      if (!p) return;
      if (msg.ok) p.resolve(msg.result);
      else p.reject(new Error(msg.error));
    } else if (msg.type === 'backend') for (const l of listeners) l(msg.info);
    else if (msg.type === 'train-progress') progress.get(msg.jobId)?.(msg.progress);
    else if (msg.type === 'normal-progress') normalProgress.get(msg.jobId)?.(msg.progress);
    else onNotice('warning', backendMovedText(msg));
  };
  worker.onerror = (e) => {
    const err = new Error(`inference worker failed: ${e.message}`);
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };

  const call = <T>(body: Body<WorkerRequest>, transfer: Transferable[] = []): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ ...body, id }, transfer);
    });

  const ready = call<BackendInfo>({ type: 'init', forced, wasmPaths: wasmPaths() });
  return {
    ready: () => ready,
    loadModel: (modelId: string, url: string, options: LoadModelOptions = {}) =>
      call<ModelShapes>({ type: 'load', modelId, url, options }),
    // The caller's buffers move to the worker (no copy); build fresh ones each tick.
    predict: (modelId: string, inputs: TensorData[]) =>
      call<TensorData[]>({ type: 'predict', modelId, inputs }, buffersOf(inputs)),
    unloadModel: (modelId: string) => call<void>({ type: 'unload', modelId }),
    onBackendChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    memory: () => call<InferenceMemory>({ type: 'memory' }),
    loseDevice: () => call<boolean>({ type: 'lose-device' }),
    fineTune: async (request, onProgress) => {
      progress.set(request.jobId, onProgress);
      try {
        // The windows move to the worker (no copy of tens of MB).
        const { past, baseline, anomaly, faultClass, logRul } = request.data;
        return await call<FineTuneOutcome>(
          { type: 'fine-tune', ...request },
          [
            past.buffer as ArrayBuffer,
            ...(baseline ? [baseline.buffer as ArrayBuffer] : []),
            anomaly.buffer as ArrayBuffer,
            faultClass.buffer as ArrayBuffer,
            logRul.buffer as ArrayBuffer,
          ].filter((b, i, all) => all.indexOf(b) === i),
        );
      } finally {
        progress.delete(request.jobId);
      }
    },
    cancelFineTune: (jobId) => call<boolean>({ type: 'cancel', jobId }),
    evaluate: (modelId, inputs, truth, rule) =>
      call<HeldOutMetrics>({ type: 'evaluate', modelId, inputs, truth, rule }),
    saveModel: (modelId, url) => call<number>({ type: 'save', modelId, url }),
    deleteSavedModel: (url) => call<boolean>({ type: 'delete-saved', url }),
    trainNormal: async (request, onProgress) => {
      normalProgress.set(request.jobId, onProgress);
      try {
        return await call<NormalTrainOutcome>({ type: 'normal-train', ...request });
      } finally {
        normalProgress.delete(request.jobId);
      }
    },
    loadNormalModel: (modelId, card) => call<string[]>({ type: 'normal-load', modelId, card }),
    unloadNormalModel: (modelId) => call<void>({ type: 'normal-unload', modelId }),
    scoreNormal: (modelId, rows, fresh) =>
      call<NormalRowVerdict | null>({ type: 'normal-score', modelId, rows, fresh }, [
        rows.buffer as ArrayBuffer,
      ]),
    dispose: () => worker.terminate(),
  };
}
