/**
 * The pump-skid health model: card (normalization statistics covering every channel the pipeline builds),
 * weights under the live model id, shapes as core/ml/pump builds and reads them, warmed up.
 */
import { statsIndex, type NormalizationStats } from '../../../core/data/normalization';
import {
  ANOMALY_COMPONENTS,
  FAULT_CLASSES,
  PAST_CHANNELS,
  PAST_VALUE_CHANNELS,
  WINDOW_LENGTH,
} from '../../../core/ml/pump/spec';
import { HEALTH_MODEL_ID, statsFromCard } from './pump-health';
import {
  fetchModelCard,
  loadModelPackage,
  type ExpectedShapes,
  type ModelHost,
  type ModelPackage,
} from './model-package';

export interface HealthModel extends ModelPackage {
  stats: NormalizationStats;
}

/** Windows [batch, steps, channels] in; per-component anomaly, fault-type probabilities, RUL mean and log-std out. */
export const HEALTH_SHAPES: ExpectedShapes = {
  inputs: [[null, WINDOW_LENGTH, PAST_CHANNELS]],
  outputs: [
    [null, ANOMALY_COMPONENTS.length],
    [null, FAULT_CLASSES.length],
    [null, 2],
  ],
};

const RETRAIN = 'retrain the model (npm run train)';

/** The card's normalization statistics, which must cover every channel the current pipeline builds. */
export function parseHealthStats(card: unknown, cardUrl: string): NormalizationStats {
  const stats = statsFromCard(card, cardUrl);
  try {
    statsIndex(stats, PAST_VALUE_CHANNELS);
  } catch (e) {
    throw new Error(`${cardUrl}: ${(e as Error).message}; ${RETRAIN}`);
  }
  return stats;
}

/**
 * Loads the health model of `folder` (its model-card.json and, unless `modelUrl` names another version of
 * it, its model.json) under the live health model id. A model already running there stays when the files
 * are bad; a missing card rejects with a ModelCardMissingError.
 */
export async function loadHealthModel(
  host: ModelHost,
  folder: URL,
  modelUrl = new URL('model.json', folder).href,
): Promise<HealthModel> {
  const stats = await fetchModelCard(new URL('model-card.json', folder).href, parseHealthStats);
  const model = await loadModelPackage(host, {
    modelId: HEALTH_MODEL_ID,
    modelUrl,
    name: 'pump-skid health model',
    expected: HEALTH_SHAPES,
    fix: RETRAIN,
  });
  return { ...model, stats };
}
