/** Trains, calibrates and evaluates the pump-skid health model; writes models/pump-skid/health/. */
import path from 'node:path';
import type { AssetDefinition } from '../../core/asset/schema';
import type { NormalizationStats } from '../../core/data/normalization';
import { healthCardSchema, type HealthCard } from '../../core/ml/pump/card';
import { createProgressBar } from '../lib/progress';
import { calibrateHealth } from './calibrate-health';
import { PUMP_MODEL_DIR, saveWithCard } from './common';
import type { LoadedDataset } from './dataset-io';
import { splitEpisodes } from './episodes-io';
import { evaluateHealthModel } from './evaluate-health-model';
import { healthCard } from './health-card';
import { fitHealth } from './health-fit';
import type { TrainOpts } from './train-options';

export async function trainHealth(
  ds: LoadedDataset,
  asset: AssetDefinition,
  stats: NormalizationStats,
  o: TrainOpts,
): Promise<HealthCard> {
  const train = splitEpisodes(ds, 'train').episodes;
  const val = splitEpisodes(ds, 'val').episodes;
  const test = splitEpisodes(ds, 'test').episodes;
  const bar = createProgressBar();
  const fit = await fitHealth(train, val, stats, o, bar);
  const { model } = fit;
  // Calibration and warning rule on validation.
  const calibration = calibrateHealth(model, val, fit.spec, ds.index.hash, bar);
  const evaluation = evaluateHealthModel(
    model,
    ds,
    { val, test },
    calibration.detection.outputs,
    calibration.detection.rule,
    asset,
    fit.spec,
    bar,
  );
  const dir = path.join(PUMP_MODEL_DIR, 'health');
  const card = healthCard({ ds, stats, o, fit, calibration, evaluation, testEpisodes: test.length });
  card.architecture.weightsBytes = await saveWithCard(model, dir, card);
  healthCardSchema.parse(card);
  await saveWithCard(model, dir, card);
  model.dispose();
  return card;
}
