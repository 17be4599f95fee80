/**
 * Learning normal behaviour inside the inference worker (pure TypeScript statistics, no tensors: the model
 * needs no GPU). The training reports its share done after each step (clean, calibration fit, held-out
 * scoring, final fit, held-out false alarms), pushed as progress. It runs in slices (cooperative-run.ts), so
 * a cancel message is read within one slice and the job returns no model.
 */
import { normalModelCard } from '../../../core/ml/normal/card';
import { trainNormalModelSteps } from '../../../core/ml/normal/train';
import { runCooperatively, yieldToMessages } from './cooperative-run';
import type { NormalTrainOutcome, NormalTrainProgress, NormalTrainRequest } from './normal-api';

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
      const trained = await runCooperatively(
        trainNormalModelSteps(req.frame, req.tags, req.options, (fraction, step) =>
          onProgress({ step, fraction, elapsedMs: elapsed() }),
        ),
        stopped,
      );
      if (!trained || stopped()) return { ...cancelled, elapsedMs: elapsed() };
      const { model, report } = trained;
      return { cancelled: false, card: normalModelCard(model, report, req.meta), elapsedMs: elapsed() };
    } finally {
      this.running.delete(req.jobId);
      this.cancelled.delete(req.jobId);
    }
  }
}
