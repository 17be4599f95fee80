/**
 * Choosing the health model's detection score and warning threshold on validation: for each candidate score
 * kind, its ROC-AUC and the lowest threshold whose false alarms on healthy running stay within the budget;
 * the kind with the highest ROC-AUC among those that meet the budget wins.
 */
import { rocAuc } from '../metrics';
import { DETECTION_SCORE_KINDS, detectionScoresOf, type DetectionScoreKind } from './detection-score';
import { chooseThreshold, falseAlarmsPerDay } from './health-metrics';

/** What choosing needs of a model's outputs on a split (a subset of evaluate-health's HealthOutputs). */
export interface ScoredWindows {
  count: number;
  anomaly: Float32Array;
  faultProbs: Float32Array;
  labels: { faultClass: Int32Array };
  frameIndex: Int32Array;
  endRow: Int32Array;
}

export interface DetectionCandidate {
  kind: DetectionScoreKind;
  rocAuc: number;
  threshold: number;
  falseAlarmsPer24h: number;
}

/** Scores of the healthy windows (ending before onset) of each episode, in time order. */
export function healthySequences(
  scores: ArrayLike<number>,
  out: Pick<ScoredWindows, 'count' | 'frameIndex' | 'endRow'>,
  episodes: readonly { onsetRow: number }[],
): number[][] {
  const seqs = episodes.map(() => [] as number[]);
  for (let i = 0; i < out.count; i++) {
    const k = out.frameIndex[i]!;
    if (out.endRow[i]! < episodes[k]!.onsetRow) seqs[k]!.push(scores[i]!);
  }
  return seqs;
}

/** Every candidate kind's figures on `out` (windows `stride` rows apart). */
export function detectionCandidates(
  out: ScoredWindows,
  episodes: readonly { onsetRow: number }[],
  stepHours: number,
  maxFalseAlarmsPerDay: number,
  debounce: number,
  kinds: readonly DetectionScoreKind[] = DETECTION_SCORE_KINDS,
): DetectionCandidate[] {
  const isFault = Int32Array.from(out.labels.faultClass, (c) => (c > 0 ? 1 : 0));
  return kinds.map((kind) => {
    const scores = detectionScoresOf(kind, out.anomaly, out.faultProbs, out.count);
    const healthy = healthySequences(scores, out, episodes);
    const threshold = chooseThreshold(healthy, stepHours, maxFalseAlarmsPerDay, debounce);
    return {
      kind,
      rocAuc: rocAuc(scores, isFault),
      threshold,
      falseAlarmsPer24h: falseAlarmsPerDay(healthy, threshold, stepHours, debounce),
    };
  });
}

/** The candidate with the highest ROC-AUC among those within the budget (else the fewest false alarms). */
export function bestCandidate(
  candidates: readonly DetectionCandidate[],
  maxFalseAlarmsPerDay: number,
): DetectionCandidate {
  const within = candidates.filter((c) => c.falseAlarmsPer24h <= maxFalseAlarmsPerDay);
  const pool = within.length > 0 ? within : candidates;
  return pool.reduce((best, c) =>
    within.length > 0
      ? c.rocAuc > best.rocAuc
        ? c
        : best
      : c.falseAlarmsPer24h < best.falseAlarmsPer24h
        ? c
        : best,
  );
}
