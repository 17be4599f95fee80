/**
 * Trains the pump-skid health model and forecaster from the generated data set and writes
 * models/pump-skid/{health,forecaster}/{model.json, weights.bin, model-card.json}.
 *
 *   npm run train -- --asset pump-skid [--model health|forecaster|all] [--data dir] [--seed 1]
 *     [--epochs 12] [--batch 128] [--lr 0.002] [--max-windows 3072] [--patience 4] [--time-budget minutes]
 *     [--schedule plateau|cosine] [--class-weight 0.5]   (the last two apply to the health model)
 *     [--clip-norm 5]   (largest global gradient norm per batch; none by default)
 */
import { fitPumpNormalization } from '../core/ml/pump/features';
import { isMainScript, parseArgs } from './lib/files';
import { formatDuration } from './lib/progress';
import { initTfNode } from './lib/tf-node';
import * as tf from '@tensorflow/tfjs';
import { DEFAULT_DATASET_DIR, loadDataset, loadPumpAsset } from './pump/dataset-io';
import { trainForecaster } from './pump/train-forecaster';
import { trainHealth } from './pump/train-health';
import type { TrainOpts } from './pump/train-options';

function num(args: Map<string, string>, key: string, def: number): number {
  const v = args.get(key);
  if (v === undefined) return def;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${key} must be a positive number (got ${v})`);
  return n;
}

export async function trainPump(argv: readonly string[]): Promise<void> {
  const args = parseArgs(argv);
  const which = args.get('model') ?? 'all';
  if (!['health', 'forecaster', 'all'].includes(which))
    throw new Error(`--model must be health, forecaster or all (got ${which})`);
  const backend = await initTfNode(args.get('backend') === 'cpu' ? 'cpu' : 'wasm');
  tf.enableProdMode();
  const asset = await loadPumpAsset();
  const ds = await loadDataset(args.get('data') ?? DEFAULT_DATASET_DIR, asset);
  const trainFrames = ds.episodes.filter((e) => e.entry.split === 'train').map((e) => e.frame);
  const stats = fitPumpNormalization(trainFrames);
  const budget = num(args, 'time-budget', 0);
  const schedule = args.get('schedule') ?? 'plateau';
  if (schedule !== 'plateau' && schedule !== 'cosine')
    throw new Error(`--schedule must be plateau or cosine (got ${schedule})`);
  const classWeight = args.has('class-weight') ? Number(args.get('class-weight')) : 0.5;
  if (!(classWeight >= 0 && classWeight <= 1))
    throw new Error(`--class-weight must be a number from 0 to 1 (got ${args.get('class-weight')})`);
  const started = Date.now();
  const opts = (share: number): TrainOpts => ({
    seed: num(args, 'seed', 1),
    epochs: num(args, 'epochs', 12),
    batchSize: num(args, 'batch', 128),
    learningRate: num(args, 'lr', 2e-3),
    maxWindowsPerEpoch: num(args, 'max-windows', 3072),
    patience: num(args, 'patience', 4),
    backend,
    schedule,
    classWeightPower: classWeight,
    ...(budget > 0 ? { deadline: started + budget * 60_000 * share } : {}),
    ...(args.has('clip-norm') ? { clipNorm: num(args, 'clip-norm', 1) } : {}),
  });
  if (which !== 'forecaster') {
    const c = await trainHealth(ds, asset, stats, opts(which === 'all' ? 0.45 : 1));
    const t = c.test;
    process.stderr.write(
      `health: ROC-AUC ${t.detectionRocAuc.toFixed(4)}, false alarms ${t.falseAlarmsPer24h.toFixed(2)}/24 h ` +
        `(threshold ${c.threshold.value}), macro-F1 ${t.faultTypeMacroF1.toFixed(3)}, RUL RMSE ${t.rulRmseHours.toFixed(2)} h ` +
        `(${(100 * t.rulRmseFraction).toFixed(0)} %), ${formatDuration(c.training.timeSeconds)}\n`,
    );
  }
  if (which !== 'health') {
    const c = await trainForecaster(ds, asset, stats, opts(1));
    process.stderr.write(
      `forecaster: control-change windows ${c.test.controlChange.windows}, mean MAE improvement over persistence at +60 ` +
        `${(100 * c.test.controlChange.meanImprovement).toFixed(1)} %, ${formatDuration(c.training.timeSeconds)}\n`,
    );
  }
}

if (isMainScript('train-pump.ts')) {
  trainPump(process.argv.slice(2)).catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  });
}
