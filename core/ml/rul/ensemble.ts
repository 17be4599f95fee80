/**
 * Seed ensemble of RUL TCNs merged into ONE layers model: every member is a branch on the shared
 * [N, W, F] input and an Average layer merges their [N, 3] outputs (q10, mean, q90 of RUL / cap),
 * so inference stays one predict call with the same input and output shapes as a single TCN.
 */
import * as tf from '@tensorflow/tfjs';
import { tcnBranch, windowInput, type TcnConfig } from './model';
import { intervalScaleKernel } from './interval-calibration';
import { describeTrendMlp, trendMlpBranch } from './trend-mlp';
import { describeTcn } from './model';

/** The branch of the configured architecture on `input`. */
export function rulBranch(input: tf.SymbolicTensor, cfg: TcnConfig, prefix = ''): tf.SymbolicTensor {
  return cfg.arch === 'trend-mlp' ? trendMlpBranch(input, cfg, prefix) : tcnBranch(input, cfg, prefix);
}

/** One-line architecture summary for the model card. */
export function describeRulNet(cfg: TcnConfig): string {
  return cfg.arch === 'trend-mlp' ? describeTrendMlp(cfg) : describeTcn(cfg);
}

/** Layer-name prefix of ensemble member `i` (0-based). */
export function memberPrefix(i: number): string {
  return `m${i + 1}_`;
}

/** Seed of member `i`: the run seed for the first member, then seed + i. */
export function memberSeed(seed: number, i: number): number {
  return seed + i;
}

/**
 * Member `i` of `members`, its layers named as branch `i` of the ensemble so its weights copy over
 * by layer name (a lone member keeps the plain single-TCN names).
 */
export function buildMember(
  cfg: Omit<TcnConfig, 'seed'>,
  seed: number,
  i: number,
  members: number,
): tf.LayersModel {
  const input = windowInput(cfg);
  const out = rulBranch(input, { ...cfg, seed: memberSeed(seed, i) }, members > 1 ? memberPrefix(i) : '');
  return tf.model({ inputs: input, outputs: out, name: `turbofan_${cfg.arch ?? 'tcn'}` });
}

/**
 * The merged model holding `members.length` branches, with the members' trained weights; with
 * `intervalScale`, a frozen layer after them widens the interval (core/ml/rul/interval-calibration.ts).
 */
export function mergeMembers(
  cfg: Omit<TcnConfig, 'seed'>,
  seed: number,
  members: readonly tf.LayersModel[],
  intervalScale?: number,
) {
  if (members.length === 0) throw new Error('an ensemble needs at least one member');
  if (members.length === 1 && intervalScale === undefined) return members[0]!;
  const input = windowInput(cfg);
  const outs = members.map((_, i) =>
    rulBranch(input, { ...cfg, seed: memberSeed(seed, i) }, members.length > 1 ? memberPrefix(i) : ''),
  );
  let out =
    outs.length > 1
      ? (tf.layers.average({ name: 'ensemble_average' }).apply(outs) as tf.SymbolicTensor)
      : outs[0]!;
  let calibration: tf.layers.Layer | null = null;
  if (intervalScale !== undefined) {
    calibration = tf.layers.dense({
      units: 3,
      useBias: false,
      trainable: false,
      name: 'interval_calibration',
    });
    out = calibration.apply(out) as tf.SymbolicTensor;
  }
  const arch = cfg.arch ?? 'tcn';
  const merged = tf.model({
    inputs: input,
    outputs: out,
    name: members.length > 1 ? `turbofan_${arch}_ensemble` : `turbofan_${arch}`,
  });
  for (const member of members)
    for (const layer of member.layers) {
      const w = layer.getWeights();
      if (w.length) merged.getLayer(layer.name).setWeights(w);
    }
  if (calibration && intervalScale !== undefined)
    calibration.setWeights([tf.tensor2d(intervalScaleKernel(intervalScale), [3, 3])]);
  return merged;
}
