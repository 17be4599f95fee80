/** Assembles the model card of a trained turbofan RUL model (see core/ml/io/model-card.ts). */
import * as tf from '@tensorflow/tfjs';
import {
  MODEL_CARD_SCHEMA_VERSION,
  turbofanModelCardSchema,
  type TurbofanModelCard,
} from '../../core/ml/io/model-card';
import { featureNames, type FeatureSpec } from '../../core/ml/rul/features';
import { describeRulNet } from '../../core/ml/rul/ensemble';
import { RUL_OUTPUTS, type TcnConfig } from '../../core/ml/rul/model';

type FileRef = TurbofanModelCard['dataset']['trainFile'];

export interface TurbofanRunRecord {
  subset: TurbofanModelCard['subset'];
  cfg: TcnConfig;
  members: { seed: number; rmse: number; score: number }[];
  parameterCount: number;
  weightsBytes: number;
  spec: FeatureSpec;
  minHistory: number;
  trainFile: FileRef;
  split: { train: number[]; val: number[] };
  windows: { train: number; val: number };
  training: {
    seed: number;
    epochsMax: number;
    epochsRun: number;
    bestEpoch: number;
    batchSize: number;
    learningRate: number;
    schedule: string;
    maxWindowsPerEpoch: number;
    timeSeconds: number;
    backend: string;
  };
  validation: {
    rmse: number;
    score: number;
    lastCycle: { rmse: number; score: number };
    interval?: { scale: number; nominal: number; coverageBefore: number; coverageAfter: number };
  };
  test: TurbofanModelCard['test'];
}

export function turbofanCard(r: TurbofanRunRecord): TurbofanModelCard {
  const M = r.members.length;
  const W = r.spec.windowLength;
  const features: TurbofanModelCard['features'] = {
    sensors: r.spec.sensors,
    names: featureNames(r.spec),
    regimeOneHot: r.spec.regimeOneHot,
    windowLength: W,
    padding: 'repeat-first-row',
    minHistory: r.minHistory,
    rulCap: r.spec.rulCap,
  };
  if (r.spec.smoothing !== undefined) features.smoothing = r.spec.smoothing;
  if (r.spec.ageScale !== undefined) features.ageScale = r.spec.ageScale;
  if (r.spec.validMask === true) features.validMask = true;
  const smooth =
    (r.spec.smoothing !== undefined ? `, sensors exponentially smoothed (α ${r.spec.smoothing})` : '') +
    (r.spec.ageScale !== undefined ? ", plus the engine's age in cycles" : '');
  const card: TurbofanModelCard = {
    schemaVersion: MODEL_CARD_SCHEMA_VERSION,
    asset: 'turbofan',
    subset: r.subset,
    createdAt: new Date().toISOString(),
    task: `remaining useful life (cycles) of a turbofan engine from its last ${W} cycles${smooth}`,
    architecture: {
      type: r.cfg.arch ?? 'tcn',
      summary: (M > 1 ? `average of ${M} seed-ensemble members, each a ` : '') + describeRulNet(r.cfg),
      windowLength: W,
      features: r.cfg.features,
      ...(r.cfg.arch === 'trend-mlp'
        ? { hiddenLayers: r.cfg.hiddenLayers ?? 2 }
        : {
            filters: r.cfg.filters,
            kernelSize: r.cfg.kernelSize,
            dilations: r.cfg.dilations,
            convsPerBlock: r.cfg.convsPerBlock,
          }),
      denseUnits: r.cfg.denseUnits,
      dropout: r.cfg.dropout,
      outputs: [...RUL_OUTPUTS],
      parameterCount: r.parameterCount,
      weightsBytes: r.weightsBytes,
      ensembleMembers: M,
    },
    dataset: {
      name: 'NASA C-MAPSS',
      trainFile: r.trainFile,
      trainUnits: r.split.train,
      valUnits: r.split.val,
      trainWindows: r.windows.train,
      valWindows: r.windows.val,
    },
    features,
    normalization: r.spec.normalization,
    training: {
      ...r.training,
      loss: 'MSE(mean, RUL/cap) + pinball(q10, 0.1) + pinball(q90, 0.9), per member',
      tfjsVersion: tf.version.tfjs,
      members: r.members,
    },
    validation: {
      protocol:
        `all windows of ${r.split.val.length} held-out training units (by unit, seed ${r.training.seed}), capped truth; ` +
        'lastCycle: one seeded random cut per held-out unit',
      ...r.validation,
    },
    test: r.test,
  };
  return turbofanModelCardSchema.parse(card);
}
