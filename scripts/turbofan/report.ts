/** What a turbofan training run leaves behind: the model card's record and the closing summary line. */
import type { TurbofanModelCard } from '../../core/ml/io/model-card';
import { memberSeed } from '../../core/ml/rul/ensemble';
import type { TcnConfig } from '../../core/ml/rul/model';
import { formatDuration } from '../lib/progress';
import type { TurbofanRunRecord } from '../lib/turbofan-card';
import type { MergedEnsemble } from './merge-ensemble';
import type { TurbofanOptions } from './options';
import type { TrainedMembers } from './train-members';
import type { TurbofanTrainingData } from './training-data';

export interface TurbofanRun {
  o: TurbofanOptions;
  cfg: Omit<TcnConfig, 'seed'>;
  data: TurbofanTrainingData;
  perEpoch: number;
  backend: string;
  members: TrainedMembers;
  merged: MergedEnsemble;
  weightsBytes: number;
  test: TurbofanModelCard['test'];
}

export function turbofanRunRecord(r: TurbofanRun): TurbofanRunRecord {
  const { o, data } = r;
  const { seed } = o;
  const { results } = r.members;
  return {
    subset: o.subset,
    cfg: { ...r.cfg, seed },
    members: results.map((res, m) => ({
      seed: memberSeed(seed, m),
      rmse: res.bestValRmse,
      score: res.bestValScore,
    })),
    parameterCount: r.merged.model.countParams(),
    weightsBytes: r.weightsBytes,
    spec: data.spec,
    minHistory: o.minHistory,
    trainFile: data.trainFile,
    split: data.split,
    windows: { train: data.trainSet.count, val: data.valSet.count },
    training: {
      seed,
      epochsMax: o.epochs,
      epochsRun: Math.max(...results.map((res) => res.epochsRun)),
      bestEpoch: Math.max(1, Math.min(...results.map((res) => res.bestEpoch))),
      batchSize: o.batchSize,
      learningRate: o.learningRate,
      schedule: o.schedule,
      maxWindowsPerEpoch: r.perEpoch,
      timeSeconds: Math.round(r.members.timeSeconds * 10) / 10,
      backend: r.backend,
    },
    validation: r.merged.validation,
    test: r.test,
  };
}

/** The line printed to stderr when the run is done. */
export function turbofanSummary(
  o: TurbofanOptions,
  merged: MergedEnsemble,
  test: TurbofanModelCard['test'],
  timeSeconds: number,
): string {
  const { validation, intervalScale } = merged;
  const t = test
    ? `, test RMSE ${test.capped.rmse.toFixed(2)} Score ${test.capped.score.toFixed(1)} (capped)`
    : '';
  return (
    `${o.subset}: val RMSE ${validation.rmse.toFixed(2)} Score ${validation.score.toFixed(0)} ` +
    `(one cut per unit: RMSE ${validation.lastCycle.rmse.toFixed(2)}; interval ×${intervalScale} → ` +
    `${(validation.interval.coverageAfter * 100).toFixed(0)} % held-out coverage)${t}, ` +
    `${formatDuration(timeSeconds)} → ${o.outDir}\n`
  );
}
