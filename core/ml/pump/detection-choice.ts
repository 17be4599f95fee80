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

type WindowPlaces = Pick<ScoredWindows, 'count' | 'frameIndex' | 'endRow'>;

/** Whether window `i` is healthy running: it ends before its episode's fault onset. */
const isHealthyWindow = (out: WindowPlaces, episodes: readonly { onsetRow: number }[], i: number) =>
  out.endRow[i]! < episodes[out.frameIndex[i]!]!.onsetRow;

/** Scores of the healthy windows (ending before onset) of each episode, in time order. */
export function healthySequences(
  scores: ArrayLike<number>,
  out: WindowPlaces,
  episodes: readonly { onsetRow: number }[],
): number[][] {
  const seqs = episodes.map(() => [] as number[]);
  for (let i = 0; i < out.count; i++)
    if (isHealthyWindow(out, episodes, i)) seqs[out.frameIndex[i]!]!.push(scores[i]!);
  return seqs;
}

/** How many windows are healthy running. */
export function healthyWindowCount(out: WindowPlaces, episodes: readonly { onsetRow: number }[]): number {
  let n = 0;
  for (let i = 0; i < out.count; i++) if (isHealthyWindow(out, episodes, i)) n++;
  return n;
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
  const better =
    within.length > 0
      ? (c: DetectionCandidate, best: DetectionCandidate) => c.rocAuc > best.rocAuc
      : (c: DetectionCandidate, best: DetectionCandidate) => c.falseAlarmsPer24h < best.falseAlarmsPer24h;
  return (within.length > 0 ? within : candidates).reduce((best, c) => (better(c, best) ? c : best));
}
