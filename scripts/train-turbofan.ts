/**
 * Trains the turbofan RUL model for one C-MAPSS subset — a seed ensemble of TCNs merged into one
 * layers model — and writes models/turbofan/<subset>/{model.json, weights.bin, model-card.json}.
 *
 *   npx vite-node scripts/train-turbofan.ts -- --subset FD001 [--data dir] [--out dir] [--seed 42]
 *     [--members 5] [--epochs 60] [--schedule cosine|plateau] [--lr 0.001] [--batch 256]
 *     [--window 90] [--smoothing 0.3] [--age-scale 200 (0 = no age channel)]
 *     [--arch trend-mlp|tcn] [--hidden-layers 2] [--dense-units 64] [--dropout 0]
 *     [--dilations 1,2,4,8] [--filters 32] [--convs-per-block 1] [--max-windows N]
 *     [--min-history 10] [--val-fraction 0.2] [--patience 10] [--time-budget minutes]
 *     [--skip-test] [--backend wasm|cpu]
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import type { TurbofanModelCard } from '../core/ml/io/model-card';
import { featureCount } from '../core/ml/rul/features';
import { isMainScript, parseArgs, saveModelDir } from './lib/files';
import { createProgressBar } from './lib/progress';
import { initTfNode } from './lib/tf-node';
import { turbofanCard } from './lib/turbofan-card';
import { mergeEnsemble } from './turbofan/merge-ensemble';
import { rulNetConfig } from './turbofan/net-config';
import { parseTurbofanOptions } from './turbofan/options';
import { turbofanRunRecord, turbofanSummary } from './turbofan/report';
import { evaluateTestSet } from './turbofan/test-evaluation';
import { trainMembers } from './turbofan/train-members';
import { loadTrainingData } from './turbofan/training-data';

export { TURBOFAN_DEFAULTS } from './turbofan/options';

export async function trainTurbofan(argv: readonly string[]): Promise<TurbofanModelCard> {
  const args = parseArgs(argv);
  const o = parseTurbofanOptions(args);
  const backend = await initTfNode(o.backend);
  tf.enableProdMode();
  const data = await loadTrainingData(o);
  const { split, spec, trainSet, valSet } = data;
  const F = featureCount(spec);
  const cfg = rulNetConfig(args, o, F);
  const perEpoch = Math.min(trainSet.count, o.maxWindows);
  const bar = createProgressBar();
  bar.log(
    `${o.subset}: ${split.train.length} train units (${trainSet.count} windows, ${perEpoch} per epoch), ` +
      `${split.val.length} val units (${valSet.count} windows), ${F} features, ` +
      `${spec.normalization.regimes.length} regime(s), ${o.members} member(s), backend ${backend}`,
  );
  const members = await trainMembers(cfg, trainSet, valSet, o, perEpoch, bar);
  bar.done();

  const merged = mergeEnsemble(cfg, o.seed, members.trained, valSet, o.rulCap);
  const files = await saveModelDir(merged.model, o.outDir);
  const test = await evaluateTestSet(merged.model, spec, o.dataDir, o.subset, o.skipTest);
  const card = turbofanCard(
    turbofanRunRecord({
      o,
      cfg,
      data,
      perEpoch,
      backend,
      members,
      merged,
      weightsBytes: files.weightsBin.byteLength,
      test,
    }),
  );
  await writeFile(path.join(o.outDir, 'model-card.json'), JSON.stringify(card, null, 2) + '\n');
  process.stderr.write(turbofanSummary(o, merged, test, members.timeSeconds));
  merged.model.dispose();
  members.trained.forEach((m) => m.dispose());
  return card;
}

if (isMainScript('train-turbofan.ts')) {
  trainTurbofan(process.argv.slice(2)).catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  });
}
