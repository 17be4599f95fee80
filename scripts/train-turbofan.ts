/**
 * Trains the turbofan RUL model (TCN) for one C-MAPSS subset and writes
 * models/turbofan/<subset>/{model.json, weights.bin, model-card.json}.
 *
 *   npx vite-node scripts/train-turbofan.ts -- --subset FD001 [--data dir] [--epochs N] [--seed N]
 *     [--window 30] [--filters 32] [--batch 256] [--lr 0.002] [--convs-per-block 1] [--patience 8] [--max-windows 16384]
 *     [--val-fraction 0.2] [--out dir] [--time-budget minutes] [--backend wasm|cpu]
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { parseCmapssStrict, parseRulFile, type CmapssUnit } from '../core/data/cmapss';
import {
  MODEL_CARD_SCHEMA_VERSION,
  turbofanModelCardSchema,
  type TurbofanModelCard,
} from '../core/ml/io/model-card';
import { phm08Score, rmse } from '../core/ml/metrics';
import { evaluateLastCycle } from '../core/ml/rul/evaluate';
import { featureCount, featureNames, fitFeatureSpec, trainingWindows } from '../core/ml/rul/features';
import {
  buildTcn,
  DEFAULT_TCN,
  describeTcn,
  predictRul,
  RUL_OUTPUTS,
  type TcnConfig,
} from '../core/ml/rul/model';
import { mulberry32, splitUnits } from '../core/ml/rul/random';
import { trainRulModel } from '../core/ml/rul/train';
import {
  DEFAULT_CMAPSS_DIR,
  exists,
  fileRef,
  isMainScript,
  parseArgs,
  parseSubset,
  saveModelDir,
} from './lib/files';
import { createProgressBar, formatDuration } from './lib/progress';
import { initTfNode } from './lib/tf-node';
import { turbofanModelDir } from './lib/turbofan';

function num(args: Map<string, string>, key: string, def: number): number {
  const v = args.get(key);
  if (v === undefined) return def;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new Error(`--${key} must be a number (got ${v})`);
  return n;
}

function pickUnits(units: readonly CmapssUnit[], ids: readonly number[]): CmapssUnit[] {
  const set = new Set(ids);
  return units.filter((u) => set.has(u.unit));
}

export async function trainTurbofan(argv: readonly string[]): Promise<TurbofanModelCard> {
  const args = parseArgs(argv);
  const subset = parseSubset(args.get('subset'));
  const dataDir = args.get('data') ?? DEFAULT_CMAPSS_DIR;
  const outDir = args.get('out') ?? turbofanModelDir(subset);
  const seed = num(args, 'seed', 42);
  const windowLength = num(args, 'window', 30);
  const epochs = num(args, 'epochs', 60);
  const batchSize = num(args, 'batch', 256);
  const learningRate = num(args, 'lr', 2e-3);
  const patience = num(args, 'patience', 10);
  const maxWindows = num(args, 'max-windows', 16384);
  const valFraction = num(args, 'val-fraction', 0.2);
  const minHistory = num(args, 'min-history', 10);
  const rulCap = num(args, 'cap', 125);
  const budgetMinutes = num(args, 'time-budget', 0);
  const backendPref = args.get('backend') === 'cpu' ? 'cpu' : 'wasm';

  const backend = await initTfNode(backendPref);
  tf.enableProdMode();
  const trainPath = path.join(dataDir, `train_${subset}.txt`);
  const trainRef = await fileRef(trainPath);
  const parsed = parseCmapssStrict(await readFile(trainPath, 'utf8'), trainRef.name);
  const split = splitUnits(
    parsed.units.map((u) => u.unit),
    valFraction,
    seed,
  );
  const trainUnits = pickUnits(parsed.units, split.train);
  const valUnits = pickUnits(parsed.units, split.val);
  const spec = fitFeatureSpec(trainUnits, { windowLength, rulCap });
  const trainSet = trainingWindows(trainUnits, spec, minHistory);
  const valSet = trainingWindows(valUnits, spec, minHistory);
  const F = featureCount(spec);
  const cfg: TcnConfig = {
    ...DEFAULT_TCN,
    filters: num(args, 'filters', DEFAULT_TCN.filters),
    convsPerBlock: num(args, 'convs-per-block', DEFAULT_TCN.convsPerBlock),
    windowLength,
    features: F,
    seed,
  };
  const model = buildTcn(cfg);
  const parameterCount = model.countParams();
  const bar = createProgressBar();
  bar.log(
    `${subset}: ${trainUnits.length} train units (${trainSet.count} windows), ${valUnits.length} val units ` +
      `(${valSet.count} windows), ${F} features, ${spec.normalization.regimes.length} regime(s), ` +
      `${parameterCount} parameters, backend ${backend}`,
  );

  const deadline = budgetMinutes > 0 ? Date.now() + budgetMinutes * 60_000 : undefined;
  const t0 = performance.now();
  const perEpoch = Math.min(trainSet.count, maxWindows);
  let epochStart = performance.now();
  let lastEpochSeconds = Number.NaN;
  const result = await trainRulModel(model, trainSet, valSet, {
    epochs,
    batchSize,
    learningRate,
    patience,
    lrPatience: Math.max(2, Math.floor(patience / 2)),
    maxWindowsPerEpoch: perEpoch,
    seed,
    rulCap,
    ...(deadline !== undefined ? { deadline } : {}),
    onBatch: ({ epoch, batch, batches, loss }) => {
      const elapsed = (performance.now() - epochStart) / 1000;
      const epochEta = (elapsed / batch) * (batches - batch);
      const perEp = Number.isFinite(lastEpochSeconds) ? lastEpochSeconds : (elapsed / batch) * batches;
      let eta = epochEta + perEp * (epochs - epoch);
      if (deadline !== undefined)
        eta = Math.min(eta, Math.max(epochEta, (deadline - Date.now()) / 1000 + perEp));
      bar.update(
        (epoch - 1) * batches + batch,
        epochs * batches,
        `epoch ${epoch}/${epochs} batch ${batch}/${batches} loss ${loss.toFixed(4)} ETA ≤ ${formatDuration(eta)}`,
      );
    },
    onEpoch: (info) => {
      lastEpochSeconds = (performance.now() - epochStart) / 1000;
      epochStart = performance.now();
      bar.log(
        `epoch ${String(info.epoch).padStart(3)} loss ${info.loss.toFixed(4)} val RMSE ${info.valRmse.toFixed(2)} ` +
          `val Score ${info.valScore.toFixed(0)} lr ${info.learningRate.toExponential(1)} ` +
          `${formatDuration(lastEpochSeconds)}${info.best ? ' *' : ''}`,
      );
    },
  });
  const timeSeconds = (performance.now() - t0) / 1000;
  bar.done();

  // Test-like protocol on validation units: one seeded random cut per unit, predict at the cut.
  const rand = mulberry32(seed + 7);
  const byUnit = new Map<number, number[]>();
  for (let i = 0; i < valSet.count; i++) {
    const u = valSet.unit[i]!;
    let list = byUnit.get(u);
    if (!list) byUnit.set(u, (list = []));
    list.push(i);
  }
  const cutIdx = [...byUnit.values()].map((l) => l[Math.floor(rand() * l.length)]!);
  const valPred = predictRul(model, valSet.x, valSet.count, windowLength, F, rulCap);
  const cutPred = cutIdx.map((i) => valPred.mean[i]!);
  const cutTruth = cutIdx.map((i) => valSet.y[i]!);

  const files = await saveModelDir(model, outDir);

  let test: TurbofanModelCard['test'] = null;
  const testPath = path.join(dataDir, `test_${subset}.txt`);
  const rulPath = path.join(dataDir, `RUL_${subset}.txt`);
  if ((await exists(testPath)) && (await exists(rulPath))) {
    const testUnits = parseCmapssStrict(await readFile(testPath, 'utf8'), path.basename(testPath)).units;
    const truth = parseRulFile(await readFile(rulPath, 'utf8'), path.basename(rulPath));
    const ev = evaluateLastCycle(model, testUnits, truth, spec);
    test = {
      protocol: 'one prediction per test unit from the window ending at its last cycle',
      testFile: await fileRef(testPath),
      rulFile: await fileRef(rulPath),
      units: ev.units,
      capped: ev.capped,
      raw: ev.raw,
      intervalCoverage: ev.intervalCoverage,
    };
  }

  const card: TurbofanModelCard = {
    schemaVersion: MODEL_CARD_SCHEMA_VERSION,
    asset: 'turbofan',
    subset,
    createdAt: new Date().toISOString(),
    task: 'remaining useful life (cycles) of a turbofan engine from its last ' + windowLength + ' cycles',
    architecture: {
      type: 'tcn',
      summary: describeTcn(cfg),
      windowLength,
      features: F,
      filters: cfg.filters,
      kernelSize: cfg.kernelSize,
      dilations: cfg.dilations,
      convsPerBlock: cfg.convsPerBlock,
      denseUnits: cfg.denseUnits,
      dropout: cfg.dropout,
      outputs: [...RUL_OUTPUTS],
      parameterCount,
      weightsBytes: files.weightsBin.byteLength,
    },
    dataset: {
      name: 'NASA C-MAPSS',
      trainFile: trainRef,
      trainUnits: split.train,
      valUnits: split.val,
      trainWindows: trainSet.count,
      valWindows: valSet.count,
    },
    features: {
      sensors: spec.sensors,
      names: featureNames(spec),
      regimeOneHot: spec.regimeOneHot,
      windowLength,
      padding: 'repeat-first-row',
      minHistory,
      rulCap,
    },
    normalization: spec.normalization,
    training: {
      seed,
      epochsMax: epochs,
      epochsRun: result.epochsRun,
      bestEpoch: Math.max(1, result.bestEpoch),
      batchSize,
      learningRate,
      maxWindowsPerEpoch: perEpoch,
      loss: 'MSE(mean, RUL/cap) + pinball(q10, 0.1) + pinball(q90, 0.9)',
      timeSeconds: Math.round(timeSeconds * 10) / 10,
      tfjsVersion: tf.version.tfjs,
      backend,
    },
    validation: {
      protocol:
        `all windows of ${split.val.length} held-out training units (by unit, seed ${seed}), capped truth; ` +
        'lastCycle: one seeded random cut per held-out unit',
      rmse: result.bestValRmse,
      score: result.bestValScore,
      lastCycle: { rmse: rmse(cutPred, cutTruth), score: phm08Score(cutPred, cutTruth) },
    },
    test,
  };
  turbofanModelCardSchema.parse(card);
  await writeFile(path.join(outDir, 'model-card.json'), JSON.stringify(card, null, 2) + '\n');
  const t = test
    ? ` test RMSE ${test.capped.rmse.toFixed(2)} Score ${test.capped.score.toFixed(1)} (capped)`
    : '';
  process.stderr.write(
    `${subset}: best epoch ${result.bestEpoch}, val RMSE ${result.bestValRmse.toFixed(2)}${t ? ',' + t : ''}, ` +
      `${formatDuration(timeSeconds)} → ${outDir}\n`,
  );
  model.dispose();
  return card;
}

if (isMainScript('train-turbofan.ts')) {
  trainTurbofan(process.argv.slice(2)).catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  });
}
