/**
 * Learning normal behaviour inside the inference worker (pure TypeScript statistics, no tensors: the model
 * needs no GPU). The work is cut into steps with a yield between them, so a cancel message is read, progress
 * is pushed and queued predictions run in between.
 */
import type { SampleFrame } from '../../../core/data/frame';
import { normalModelCard } from '../../../core/ml/normal/card';
import { resolveOptions } from '../../../core/ml/normal/options';
import { CausalScorer } from '../../../core/ml/normal/scorer';
import { trainNormalModel } from '../../../core/ml/normal/train';
import type {
  NormalHeldOutCheck,
  NormalTrainOutcome,
  NormalTrainProgress,
  NormalTrainRequest,
} from './normal-api';

/** Rows scored between two yields. */
const ROWS_PER_STEP = 2000;
const DAY_S = 86_400;

const yieldToMessages = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function rowsOf(frame: SampleFrame, start: number, end: number): SampleFrame {
  return {
    t: frame.t.slice(start, end),
    tagIds: frame.tagIds,
    values: frame.values.map((c) => c.slice(start, end)),
    quality: frame.quality.map((c) => c.slice(start, end)),
  };
}

export class NormalTrainingJobs {
  private readonly cancelled = new Set<string>();
  private readonly running = new Set<string>();

  /** Marks a job to stop at its next step; true if it was running. */
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
    const cancelledOutcome = (): NormalTrainOutcome => ({
      cancelled: true,
      card: null,
      heldOut: null,
      elapsedMs: elapsed(),
    });
    try {
      // Two passes over the rows (check model, then the final fit); the check's scoring is the long part.
      const report = (phase: NormalTrainProgress['phase'], fraction: number) =>
        onProgress({ phase, fraction, elapsedMs: elapsed() });
      report('held-out check', 0);
      await yieldToMessages();
      if (stopped()) return cancelledOutcome();
      const heldOut = await this.heldOutCheck(req, (f) => report('held-out check', 0.8 * f), stopped);
      if (heldOut === 'cancelled' || stopped()) return cancelledOutcome();
      report('fitting', 0.8);
      await yieldToMessages();
      if (stopped()) return cancelledOutcome();
      const { model, report: training } = trainNormalModel(req.frame, req.tags, req.options);
      const card = normalModelCard(model, training, req.meta);
      report('fitting', 1);
      await yieldToMessages();
      if (stopped()) return cancelledOutcome();
      return { cancelled: false, card, heldOut, elapsedMs: elapsed() };
    } finally {
      this.running.delete(req.jobId);
      this.cancelled.delete(req.jobId);
    }
  }

  /**
   * Fits on the first part of the rows (the options' fit share) and scores every row causally, counting
   * alarms in the held-out rest; null when the fit part is too short for a model.
   */
  private async heldOutCheck(
    req: NormalTrainRequest,
    onFraction: (f: number) => void,
    stopped: () => boolean,
  ): Promise<NormalHeldOutCheck | null | 'cancelled'> {
    const o = resolveOptions(req.options);
    const n = req.frame.t.length;
    const fitRows = Math.round(n * o.fitShare);
    let model;
    try {
      model = trainNormalModel(rowsOf(req.frame, 0, fitRows), req.tags, req.options).model;
    } catch {
      return null;
    }
    const scorer = new CausalScorer(model);
    const row = new Float64Array(req.frame.values.length);
    let alarmRows = 0;
    let alarms = 0;
    let maxScore = 0;
    let wasAlarm = false;
    for (let start = 0; start < n; start += ROWS_PER_STEP) {
      for (let r = start; r < Math.min(n, start + ROWS_PER_STEP); r++) {
        req.frame.values.forEach((column, j) => (row[j] = column[r]!));
        const { score, alarm } = scorer.push(row);
        if (r < fitRows) continue;
        if (Number.isFinite(score)) maxScore = Math.max(maxScore, score);
        if (alarm) alarmRows++;
        if (alarm && !wasAlarm) alarms++;
        wasAlarm = alarm;
      }
      onFraction(Math.min(1, (start + ROWS_PER_STEP) / n));
      await yieldToMessages();
      if (stopped()) return 'cancelled';
    }
    const heldOutRows = n - fitRows;
    return {
      rows: heldOutRows,
      alarmRows,
      alarms,
      falseAlarmsPer24h: heldOutRows > 0 ? (alarms * DAY_S * o.sampleRateHz) / heldOutRows : 0,
      maxScore,
      threshold: model.threshold,
    };
  }
}
