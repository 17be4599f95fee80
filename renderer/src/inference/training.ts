/**
 * Training requests inside the inference worker: fine-tune a copy of a loaded model (the deployed one keeps
 * predicting, untouched), cancel it, score a model on held-out windows, save to and delete from the
 * browser's model registry (IndexedDB). Each training batch is queued like any other request, so live
 * predictions interleave with training instead of waiting for all of it.
 */
import * as tf from '@tensorflow/tfjs';
import { fineTuneHealth } from '../../../core/ml/retrain/fine-tune';
import { heldOutMetrics, type HeldOutMetrics } from '../../../core/ml/retrain/held-out-metrics';
import { SAVED_SCHEME, type InferenceEngine } from './engine';
import type { FineTuneOutcome } from './inference-api';
import type { WorkerEvent, WorkerRequest } from './protocol';

type Req<T extends WorkerRequest['type']> = Extract<WorkerRequest, { type: T }>;

export class TrainingJobs {
  private readonly cancelled = new Set<string>();
  private readonly running = new Set<string>();

  constructor(
    private readonly engine: InferenceEngine,
    private readonly serial: <T>(job: () => Promise<T>) => Promise<T>,
    private readonly emit: (event: WorkerEvent) => void,
  ) {}

  /** Marks a job to stop before its next batch; true if it was running. */
  cancel(jobId: string): boolean {
    if (!this.running.has(jobId)) return false;
    this.cancelled.add(jobId);
    return true;
  }

  async fineTune(req: Req<'fine-tune'>): Promise<FineTuneOutcome> {
    if (this.running.has(req.jobId)) throw new Error(`training job "${req.jobId}" is already running`);
    if (req.candidateId === req.baseModelId)
      throw new Error('fine-tune: the candidate must not replace the deployed model while training');
    this.running.add(req.jobId);
    const model = await this.serial(() => this.engine.copyOf(req.baseModelId));
    let adopted = false;
    try {
      const result = await fineTuneHealth(model, req.data, req.options, {
        cancelled: () => this.cancelled.has(req.jobId),
        runStep: (step) => this.serial(step),
        onBatch: (progress) => this.emit({ type: 'train-progress', jobId: req.jobId, progress }),
      });
      if (!result.cancelled) {
        this.engine.adopt(req.candidateId, model, null);
        adopted = true;
      }
      return { ...result, backend: tf.getBackend(), windows: req.data.count };
    } finally {
      if (!adopted) model.dispose();
      this.running.delete(req.jobId);
      this.cancelled.delete(req.jobId);
    }
  }

  async evaluate(req: Req<'evaluate'>): Promise<HeldOutMetrics> {
    // An older version takes the window only: it gets the first of the inputs.
    const inputs = req.inputs.slice(0, this.engine.inputCount(req.modelId));
    const [anomaly, faultProbs] = await this.engine.predict(req.modelId, inputs);
    if (!anomaly || !faultProbs)
      throw new Error(`evaluate "${req.modelId}": not a health model (needs anomaly and fault_type outputs)`);
    return heldOutMetrics(anomaly.data, faultProbs.data, req.truth, req.rule);
  }

  save(req: Req<'save'>): Promise<number> {
    if (!req.url.startsWith(SAVED_SCHEME))
      throw new Error(`save "${req.modelId}": ${req.url} is not an ${SAVED_SCHEME} URL`);
    return this.engine.save(req.modelId, req.url);
  }

  async deleteSaved(req: Req<'delete-saved'>): Promise<boolean> {
    if (!req.url.startsWith(SAVED_SCHEME))
      throw new Error(`delete: ${req.url} is not an ${SAVED_SCHEME} URL`);
    try {
      await tf.io.removeModel(req.url);
      return true;
    } catch {
      return false; // already gone
    }
  }
}
