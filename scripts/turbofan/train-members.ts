/** Trains the ensemble's members one after another, each with its own seed, drawing progress. */
import type * as tf from '@tensorflow/tfjs';
import { buildMember, memberSeed } from '../../core/ml/rul/ensemble';
import type { WindowSet } from '../../core/ml/rul/features';
import type { TcnConfig } from '../../core/ml/rul/model';
import { trainRulModel, type TrainResult } from '../../core/ml/rul/train';
import { formatDuration, type ProgressBar } from '../lib/progress';
import type { TurbofanOptions } from './options';

export interface TrainedMembers {
  trained: tf.LayersModel[];
  results: TrainResult[];
  timeSeconds: number;
}

export async function trainMembers(
  cfg: Omit<TcnConfig, 'seed'>,
  trainSet: WindowSet,
  valSet: WindowSet,
  o: TurbofanOptions,
  perEpoch: number,
  bar: ProgressBar,
): Promise<TrainedMembers> {
  const { seed, members, epochs } = o;
  const t0 = performance.now();
  const trained: tf.LayersModel[] = [];
  const results: TrainResult[] = [];
  for (let m = 0; m < members; m++) {
    const model = buildMember(cfg, seed, m, members);
    const deadline = o.budgetMinutes > 0 ? Date.now() + (o.budgetMinutes * 60_000) / members : undefined;
    let epochStart = performance.now();
    const tag = members > 1 ? `member ${m + 1}/${members} ` : '';
    const result = await trainRulModel(model, trainSet, valSet, {
      epochs,
      batchSize: o.batchSize,
      learningRate: o.learningRate,
      schedule: o.schedule,
      validateEvery: 5,
      patience: o.patience,
      lrPatience: Math.max(2, Math.floor(o.patience / 2)),
      maxWindowsPerEpoch: perEpoch,
      seed: memberSeed(seed, m),
      rulCap: o.rulCap,
      ...(deadline !== undefined ? { deadline } : {}),
      onBatch: ({ epoch, batch, batches, loss }) => {
        const done = (m * epochs + epoch - 1) * batches + batch;
        const elapsed = (performance.now() - t0) / 1000;
        const eta = (elapsed / done) * (members * epochs * batches - done);
        bar.update(
          done,
          members * epochs * batches,
          `${tag}epoch ${epoch}/${epochs} loss ${loss.toFixed(4)} ETA ≤ ${formatDuration(eta)}`,
        );
      },
      onEpoch: (info) => {
        const s = (performance.now() - epochStart) / 1000;
        epochStart = performance.now();
        const val = Number.isFinite(info.valRmse)
          ? ` val RMSE ${info.valRmse.toFixed(2)} val Score ${info.valScore.toFixed(0)}`
          : '';
        bar.log(
          `${tag}epoch ${String(info.epoch).padStart(3)} loss ${info.loss.toFixed(4)}${val} ` +
            `lr ${info.learningRate.toExponential(1)} ${formatDuration(s)}${info.best ? ' *' : ''}`,
        );
      },
    });
    trained.push(model);
    results.push(result);
  }
  const timeSeconds = (performance.now() - t0) / 1000;
  return { trained, results, timeSeconds };
}
