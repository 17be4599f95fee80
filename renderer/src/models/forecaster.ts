/** The pump-skid forecaster: its card (statistics, test MAE) and weights, shapes as core/ml/pump builds them. */
import type { NormalizationStats } from '../../../core/data/normalization';
import { parseForecasterCard } from '../../../core/ml/pump/card';
import {
  FUTURE_CHANNELS,
  HORIZON,
  PAST_CHANNELS,
  PUMP_TAGS,
  WINDOW_LENGTH,
} from '../../../core/ml/pump/spec';
import {
  fetchModelCard,
  loadModelPackage,
  type ExpectedShapes,
  type ModelHost,
  type ModelPackage,
} from './model-package';

export const FORECASTER_MODEL_ID = 'pump-skid/forecaster';

export interface Forecaster extends ModelPackage {
  stats: NormalizationStats;
  /** The card's test MAE in engineering units, per horizon and tag. */
  mae: Record<string, Record<string, number>>;
}

/** Past window and future setpoints in; every tag over the horizon out. */
export const FORECASTER_SHAPES: ExpectedShapes = {
  inputs: [
    [null, WINDOW_LENGTH, PAST_CHANNELS],
    [null, HORIZON, FUTURE_CHANNELS],
  ],
  outputs: [[null, HORIZON, PUMP_TAGS.length]],
};

/** Loads the forecaster in `folder` under the models base; a missing card rejects with a ModelCardMissingError. */
export async function loadForecaster(host: ModelHost, modelsBase: URL, folder: string): Promise<Forecaster> {
  const base = new URL(folder, modelsBase);
  const card = await fetchModelCard(new URL('model-card.json', base).href, parseForecasterCard);
  const model = await loadModelPackage(host, {
    modelId: FORECASTER_MODEL_ID,
    modelUrl: new URL('model.json', base).href,
    name: 'pump-skid forecaster',
    expected: FORECASTER_SHAPES,
    fix: 'retrain the model (npm run train)',
  });
  return { ...model, stats: card.normalization, mae: card.test.mae };
}
