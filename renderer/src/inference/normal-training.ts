/**
 * Learning normal behaviour inside the inference worker (pure TypeScript statistics, no tensors: the model
 * needs no GPU). trainNormalModel reports its share done after each step (clean, calibration fit, held-out
 * scoring, final fit, held-out false alarms), pushed as progress. It runs synchronously, so a cancel message
 * is read when it returns; a cancelled job then returns no model.
 */
import { normalModelCard } from '../../../core/ml/normal/card';
import { trainNormalModel } from '../../../core/ml/normal/train';
import type { NormalTrainOutcome, NormalTrainProgress, NormalTrainRequest } from './normal-api';

const yieldToMessages = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class NormalTrainingJobs {
  private readonly cancelled = new Set<string>();
  private readonly running = new Set<string>();

  /** Marks a job to stop; true if it was running. */
  cancel(jobId: string): boolean {
    if (!this.running.has(jobId)) return false;
    this.cancelled.add(jobId);
    return true;
  }

  async train(
    req: NormalTrainRequest,
    onProgress: (p: NormalTrainProgress) => void,
  ): Promise<NormalTrainOutcome> {
    if (this.running.has(req.jobId)) throw new Error(`training job "${req.jobId}" is already running`);
    this.running.add(req.jobId);
    const started = performance.now();
    const elapsed = () => performance.now() - started;
    const stopped = () => this.cancelled.has(req.jobId);
    const cancelled: NormalTrainOutcome = { cancelled: true, card: null, elapsedMs: 0 };
    try {
      onProgress({ step: 'starting', fraction: 0, elapsedMs: 0 });
      await yieldToMessages();
      if (stopped()) return { ...cancelled, elapsedMs: elapsed() };
      const { model, report } = trainNormalModel(req.frame, req.tags, req.options, (fraction, step) =>
        onProgress({ step, fraction, elapsedMs: elapsed() }),
      );
      await yieldToMessages();
      if (stopped()) return { ...cancelled, elapsedMs: elapsed() };
      return { cancelled: false, card: normalModelCard(model, report, req.meta), elapsedMs: elapsed() };
    } finally {
      this.running.delete(req.jobId);
      this.cancelled.delete(req.jobId);
    }
  }
}
