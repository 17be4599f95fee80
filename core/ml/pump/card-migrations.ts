/** Steps that bring older pump-skid model cards up to the current schema version (core/ml/pump/card.ts). */
import { LEGACY_DETECTION_SCORE } from './detection-score';

/**
 * Version 1 → 2: a health card's threshold applied to the largest component anomaly probability, the only
 * score there was; version 2 says so in `threshold.score`. A forecaster card is unchanged.
 */
export function migrateHealthThresholdV1(doc: Record<string, unknown>): Record<string, unknown> {
  const threshold = doc.threshold;
  if (doc.model !== 'health' || typeof threshold !== 'object' || threshold === null) return doc;
  return { ...doc, threshold: { score: LEGACY_DETECTION_SCORE, ...threshold } };
}
