/**
 * Merges the trained members into one model whose interval is widened to its nominal coverage on
 * the held-out windows (the test set is not looked at), and takes its validation figures.
 */
import type * as tf from '@tensorflow/tfjs';
import { phm08Score, rmse } from '../../core/ml/metrics';
import { mergeMembers } from '../../core/ml/rul/ensemble';
import type { WindowSet } from '../../core/ml/rul/features';
import { coverageAt, fitIntervalScale, NOMINAL_COVERAGE } from '../../core/ml/rul/interval-calibration';
import { predictRul, type TcnConfig } from '../../core/ml/rul/model';
import { mulberry32 } from '../../core/random/rng';
import type { TurbofanRunRecord } from '../lib/turbofan-card';

export interface MergedEnsemble {
  model: tf.LayersModel;
  intervalScale: number;
  validation: TurbofanRunRecord['validation'] & {
    interval: NonNullable<TurbofanRunRecord['validation']['interval']>;
  };
}

/** Validation figures of `model`: all held-out windows, and one seeded random cut per held-out unit. */
function validate(model: tf.LayersModel, val: WindowSet, seed: number, rulCap: number) {
  const p = predictRul(model, val.x, val.count, val.windowLength, val.features, rulCap);
  const rand = mulberry32(seed + 7);
  const byUnit = new Map<number, number[]>();
  for (let i = 0; i < val.count; i++) {
    const u = val.unit[i]!;
    let list = byUnit.get(u);
    if (!list) byUnit.set(u, (list = []));
    list.push(i);
  }
  const cut = [...byUnit.values()].map((l) => l[Math.floor(rand() * l.length)]!);
  const cutPred = cut.map((i) => p.mean[i]!);
  const cutTruth = cut.map((i) => val.y[i]!);
  return {
    rmse: rmse(p.mean, val.y),
    score: phm08Score(p.mean, val.y),
    lastCycle: { rmse: rmse(cutPred, cutTruth), score: phm08Score(cutPred, cutTruth) },
  };
}

export function mergeEnsemble(
  cfg: Omit<TcnConfig, 'seed'>,
  seed: number,
  trained: readonly tf.LayersModel[],
  valSet: WindowSet,
  rulCap: number,
): MergedEnsemble {
  const raw = mergeMembers(cfg, seed, trained);
  const pv = predictRul(raw, valSet.x, valSet.count, cfg.windowLength, cfg.features, rulCap);
  const intervalScale = fitIntervalScale(pv, valSet.y);
  if (raw !== trained[0]) raw.dispose();
  const model = mergeMembers(cfg, seed, trained, intervalScale);
  const validation = {
    ...validate(model, valSet, seed, rulCap),
    interval: {
      scale: intervalScale,
      nominal: NOMINAL_COVERAGE,
      coverageBefore: coverageAt(pv, valSet.y, 1),
      coverageAfter: coverageAt(pv, valSet.y, intervalScale),
    },
  };
  return { model, intervalScale, validation };
}
