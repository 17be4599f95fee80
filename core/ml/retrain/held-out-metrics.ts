/**
 * The figures two health-model versions are compared on, over the same held-out recent windows: fault
 * detection ROC-AUC, fault-type macro-F1 (over the classes that occur there) and false alarms per 24 h of
 * healthy running under the model card's warning rule (detection score kind, threshold, debounce).
 */
import { macroF1, rocAuc } from '../metrics';
import { detectionScoresOf, type WarningRule } from '../pump/detection-score';
import { argmaxRows, falseAlarmsPerDay } from '../pump/health-metrics';

export interface HeldOutMetrics {
  rocAuc: number;
  macroF1: number;
  falseAlarmsPer24h: number;
  windows: number;
  faultWindows: number;
  healthyHours: number;
}

export interface HeldOutTruth {
  count: number;
  faultClass: Int32Array;
  /** Contiguous stretch of history per window: warnings never run across a gap. */
  stretch: Int32Array;
  /** Minutes between successive windows. */
  stride: number;
}

/** Scores of successive healthy windows, one list per unbroken healthy run. */
function healthyRuns(scores: Float32Array, truth: HeldOutTruth): number[][] {
  const runs: number[][] = [];
  let run: number[] = [];
  for (let i = 0; i < truth.count; i++) {
    const breaks = i > 0 && truth.stretch[i] !== truth.stretch[i - 1];
    if (truth.faultClass[i] !== 0 || breaks) {
      if (run.length) runs.push(run);
      run = [];
    }
    if (truth.faultClass[i] === 0) run.push(scores[i]!);
  }
  if (run.length) runs.push(run);
  return runs;
}

export function heldOutMetrics(
  anomaly: Float32Array,
  faultProbs: Float32Array,
  truth: HeldOutTruth,
  rule: WarningRule,
): HeldOutMetrics {
  const n = truth.count;
  const scores = detectionScoresOf(rule.score, anomaly, faultProbs, n);
  const isFault = Int32Array.from(truth.faultClass, (c) => (c > 0 ? 1 : 0));
  const present = [...new Set(truth.faultClass)].sort((a, b) => a - b);
  const stepHours = truth.stride / 60;
  const runs = healthyRuns(scores, truth);
  let faultWindows = 0;
  for (const f of isFault) faultWindows += f;
  return {
    rocAuc: rocAuc(scores, isFault),
    macroF1: macroF1(argmaxRows(faultProbs, n), truth.faultClass, present),
    falseAlarmsPer24h: falseAlarmsPerDay(runs, rule.threshold, stepHours, rule.debounce),
    windows: n,
    faultWindows,
    healthyHours: runs.reduce((a, r) => a + r.length, 0) * stepHours,
  };
}
