/** Pieces both pump-skid trainers share: card sections, fixture choice, model saving. */
import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import type * as tf from '@tensorflow/tfjs';
import type { LoadedDataset } from './dataset-io';
import type { HealthCard } from '../../core/ml/pump/card';
import { saveModelDir, REPO_ROOT } from '../lib/files';
import type { FitOptions } from '../../core/ml/pump/train-loop';
import { formatDuration, type ProgressBar } from '../lib/progress';

export const PUMP_MODEL_DIR = path.join(REPO_ROOT, 'models', 'pump-skid');

export function datasetSection(
  ds: LoadedDataset,
  windows: { train: number; val: number; test: number },
  windowStride: { train: number; eval: number },
): HealthCard['dataset'] {
  const n = (s: string) => ds.index.episodes.filter((e) => e.split === s).length;
  return {
    hash: ds.index.hash,
    seed: ds.index.seed,
    episodes: { train: n('train'), val: n('val'), test: n('test') },
    windows,
    windowStride,
  };
}

/** A small fixed set of test episodes the unit tests regenerate: one healthy and one per listed fault. */
export function fixtureEpisodes(
  ds: LoadedDataset,
  faults: readonly string[],
): HealthCard['fixture']['episodes'] {
  const test = ds.index.episodes.filter((e) => e.split === 'test');
  const out: HealthCard['fixture']['episodes'] = [];
  const add = (pred: (e: (typeof test)[number]) => boolean) => {
    const e = test.find(pred);
    if (e) out.push({ id: e.id, seed: e.seed, kind: e.kind, faultIndex: e.faultIndex });
  };
  add((e) => e.kind === 'healthy');
  for (const f of faults) add((e) => e.faultId === f);
  return out;
}

export async function saveWithCard(model: tf.LayersModel, dir: string, card: object): Promise<number> {
  const files = await saveModelDir(model, dir);
  await writeFile(path.join(dir, 'model-card.json'), JSON.stringify(card, null, 2) + '\n');
  return files.weightsBin.byteLength;
}

export function shapesOf(
  model: tf.LayersModel,
  which: 'inputs' | 'outputs',
): { name: string; shape: number[] }[] {
  const list = which === 'inputs' ? model.inputs : model.outputs;
  const names = which === 'inputs' ? model.inputNames : model.outputNames;
  return list.map((t, i) => ({ name: names[i] ?? t.name, shape: t.shape.slice(1) as number[] }));
}

/** Progress-bar callbacks for fitModel: a batch line with the epoch's ETA, and one log line per epoch. */
export function epochProgress(
  bar: ProgressBar,
  label: string,
  epochs: number,
  batchLossDigits: number,
): Pick<FitOptions, 'onBatch' | 'onEpoch'> {
  let epochStart = performance.now();
  return {
    onBatch: ({ epoch, batch, batches, loss }) => {
      const elapsed = (performance.now() - epochStart) / 1000;
      bar.update(
        batch,
        batches,
        `${label} epoch ${epoch}/${epochs} batch ${batch}/${batches} loss ${loss.toFixed(batchLossDigits)} epoch ETA ${formatDuration((elapsed / batch) * (batches - batch))}`,
      );
    },
    onEpoch: (r) => {
      epochStart = performance.now();
      bar.log(
        `${label} epoch ${String(r.epoch).padStart(2)} loss ${r.loss.toFixed(4)} val ${r.val.toFixed(4)} ${formatDuration(r.seconds)}${r.best ? ' *' : ''}`,
      );
    },
  };
}
