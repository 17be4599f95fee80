/**
 * The Web Worker that owns tfjs. Requests run one at a time, so a backend fall-back never happens in the
 * middle of a prediction.
 */
import { chooseBackend, currentDevice, forgetBackend, watchDevice } from './backends';
import { fetchModelFile, InferenceEngine } from './engine';
import type { BackendInfo, InferenceBackend, WasmPaths } from './inference-api';
import { buffersOf, type WorkerEvent, type WorkerReply, type WorkerRequest } from './protocol';
import { NormalScorers } from './normal-scoring';
import { NormalTrainingJobs } from './normal-training';
import { TrainingJobs } from './training';

const scope = self as unknown as {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
};
const engine = new InferenceEngine(fetchModelFile);
const failed = new Set<InferenceBackend>();
let forced: InferenceBackend | null = null;
let wasmPaths: WasmPaths = {};
let info: BackendInfo | null = null;
let queue: Promise<unknown> = Promise.resolve();

const emit = (event: WorkerEvent) => scope.postMessage(event);

/** Runs `job` after everything queued before it. */
function serial<T>(job: () => Promise<T>): Promise<T> {
  const run = queue.then(job, job);
  queue = run.catch(() => undefined);
  return run;
}

const training = new TrainingJobs(engine, serial, emit);
const normalTraining = new NormalTrainingJobs();
const normalScorers = new NormalScorers();

function watchCurrentDevice(): void {
  const device = currentDevice();
  if (device) watchDevice(device, (reason) => void serial(() => fallBack(reason)));
}

async function fallBack(reason: string): Promise<void> {
  const lost = info?.backend;
  if (!lost || failed.has(lost)) return;
  failed.add(lost);
  info = await chooseBackend(forced, failed, wasmPaths, reason);
  const broken = await engine.reloadAll();
  forgetBackend(lost);
  watchCurrentDevice();
  emit({ type: 'backend', info });
  emit({ type: 'backend-moved', from: lost, to: info.backend, reason, broken });
}

async function handle(req: WorkerRequest): Promise<{ result: unknown; transfer?: Transferable[] }> {
  switch (req.type) {
    case 'init':
      if (!info) {
        forced = req.forced;
        wasmPaths = req.wasmPaths;
        info = await chooseBackend(forced, failed, wasmPaths);
        watchCurrentDevice();
      }
      return { result: info };
    case 'load':
      return { result: await engine.load(req.modelId, req.url, req.options) };
    case 'predict': {
      const outputs = await engine.predict(req.modelId, req.inputs);
      return { result: outputs, transfer: buffersOf(outputs) };
    }
    case 'unload':
      engine.unload(req.modelId);
      return { result: null };
    case 'memory':
      return { result: engine.memory() };
    case 'lose-device': {
      const device = currentDevice();
      device?.destroy();
      return { result: device !== null };
    }
    case 'fine-tune':
      return { result: await training.fineTune(req) };
    case 'cancel':
      return { result: training.cancel(req.jobId) || normalTraining.cancel(req.jobId) };
    case 'evaluate':
      return { result: await training.evaluate(req) };
    case 'save':
      return { result: await training.save(req) };
    case 'delete-saved':
      return { result: await training.deleteSaved(req) };
    case 'normal-train': {
      const { id: _id, type: _type, ...request } = req;
      return {
        result: await normalTraining.train(request, (progress) =>
          emit({ type: 'normal-progress', jobId: req.jobId, progress }),
        ),
      };
    }
    case 'normal-load':
      return { result: normalScorers.load(req.modelId, req.card) };
    case 'normal-unload':
      normalScorers.unload(req.modelId);
      return { result: null };
    case 'normal-score':
      return {
        result: req.fresh
          ? normalScorers.scoreFresh(req.modelId, req.rows)
          : normalScorers.push(req.modelId, req.rows),
      };
  }
}

/** Training queues its own batches (predictions run in between) and a cancel must not wait behind it. */
const UNQUEUED: ReadonlySet<WorkerRequest['type']> = new Set(['fine-tune', 'cancel', 'normal-train']);

scope.onmessage = (e) => {
  const req = e.data;
  void (UNQUEUED.has(req.type) ? handle(req) : serial(() => handle(req))).then(
    ({ result, transfer }) =>
      scope.postMessage({ id: req.id, ok: true, result } satisfies WorkerReply, transfer ?? []),
    (err: unknown) =>
      scope.postMessage({
        id: req.id,
        ok: false,
        error: err instanceof Error ? err.message : String(err),
      } satisfies WorkerReply),
  );
};
