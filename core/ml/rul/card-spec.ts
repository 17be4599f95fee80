import type { TurbofanModelCard } from '../io/model-card';
import type { FeatureSpec } from './features';

/** The feature pipeline a model card describes (what inference must apply). */
export function featureSpecFromCard(card: TurbofanModelCard): FeatureSpec {
  const spec: FeatureSpec = {
    sensors: [...card.features.sensors],
    regimeOneHot: card.features.regimeOneHot,
    normalization: card.normalization,
    windowLength: card.features.windowLength,
    rulCap: card.features.rulCap,
  };
  if (card.features.smoothing !== undefined) spec.smoothing = card.features.smoothing;
  if (card.features.ageScale !== undefined) spec.ageScale = card.features.ageScale;
  if (card.features.validMask === true) spec.validMask = true;
  return spec;
}
