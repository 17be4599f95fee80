/**
 * The health model's fault-detection score of a window, the one its warning rule compares with the card's
 * threshold. Kinds:
 * - `max-component`: the largest calibrated component anomaly probability (cards before schema 2);
 * - `not-healthy`: 1 − P(healthy) from the fault-type softmax head;
 * - `max-both`: the larger of the two.
 */
import { ANOMALY_COMPONENTS, FAULT_CLASSES } from './spec';

export const DETECTION_SCORE_KINDS = ['max-component', 'not-healthy', 'max-both'] as const;
export type DetectionScoreKind = (typeof DETECTION_SCORE_KINDS)[number];

/** The kind of every card written before the score kind was recorded. */
export const LEGACY_DETECTION_SCORE: DetectionScoreKind = 'max-component';

export const DETECTION_SCORE_MEANING: Record<DetectionScoreKind, string> = {
  'max-component': 'the largest component anomaly probability',
  'not-healthy': '1 − P(healthy) of the fault-type head',
  'max-both': 'the larger of the largest component anomaly probability and 1 − P(healthy)',
};

/** Score of one window from its component probabilities `anomaly` and fault-type probabilities `faultProbs`. */
export function detectionScore(
  kind: DetectionScoreKind,
  anomaly: ArrayLike<number>,
  faultProbs: ArrayLike<number>,
): number {
  let component = 0;
  for (let k = 0; k < ANOMALY_COMPONENTS.length; k++) component = Math.max(component, anomaly[k]!);
  const notHealthy = 1 - faultProbs[0]!;
  if (kind === 'max-component') return component;
  if (kind === 'not-healthy') return notHealthy;
  return Math.max(component, notHealthy);
}

/** Scores of `count` windows: `anomaly` [count, components], `faultProbs` [count, fault classes]. */
export function detectionScoresOf(
  kind: DetectionScoreKind,
  anomaly: Float32Array,
  faultProbs: Float32Array,
  count: number,
): Float32Array {
  const A = ANOMALY_COMPONENTS.length;
  const K = FAULT_CLASSES.length;
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++)
    out[i] = detectionScore(
      kind,
      anomaly.subarray(i * A, (i + 1) * A),
      faultProbs.subarray(i * K, (i + 1) * K),
    );
  return out;
}

/** The health model's warning rule: `score` ≥ `threshold` on `debounce` successive windows. */
export interface WarningRule {
  score: DetectionScoreKind;
  threshold: number;
  debounce: number;
}

/** The warning rule a health card states (its `threshold` section). */
export function warningRuleOf(card: {
  threshold: { value: number; debounceWindows: number; score: DetectionScoreKind };
}): WarningRule {
  return {
    score: card.threshold.score,
    threshold: card.threshold.value,
    debounce: card.threshold.debounceWindows,
  };
}
