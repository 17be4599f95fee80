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
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { parseCmapssStrict, parseRulFile, type CmapssUnit } from '../core/data/cmapss';
import type { TurbofanModelCard } from '../core/ml/io/model-card';
import { phm08Score, rmse } from '../core/ml/metrics';
import { buildMember, memberSeed, mergeMembers } from '../core/ml/rul/ensemble';
import { coverageAt, fitIntervalScale, NOMINAL_COVERAGE } from '../core/ml/rul/interval-calibration';
import { evaluateLastCycle } from '../core/ml/rul/evaluate';
import { featureCount, fitFeatureSpec, trainingWindows, type WindowSet } from '../core/ml/rul/features';
import { DEFAULT_TCN, predictRul, type RulArch, type TcnConfig } from '../core/ml/rul/model';
import { mulberry32 } from '../core/random/rng';
import { splitUnits } from '../core/ml/rul/split-units';
import { trainRulModel, type TrainResult } from '../core/ml/rul/train';
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
import { turbofanCard } from './lib/turbofan-card';

/** The committed recipe: what `npm run train -- --asset turbofan --subset FD00x` does by default. */
export const TURBOFAN_DEFAULTS = {
  seed: 42,
  members: 5,
  epochs: 60,
  schedule: 'cosine',
  lr: 1e-3,
  batch: 256,
  window: 90,
  smoothing: 0.3,
  ageScale: 200,
  arch: 'trend-mlp',
  dropout: 0,
  dilations: [1, 2, 4, 8],
  maxWindows: 16384,
  minHistory: 10,
  valFraction: 0.2,
  patience: 10,
} as const;

function num(args: Map<string, string>, key: string, def: number): number {
  const v = args.get(key);
  if (v === undefined) return def;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new Error(`--${key} must be a number (got ${v})`);
  return n;
}

function parseArch(v: string): RulArch {
  if (v !== 'tcn' && v !== 'trend-mlp') throw new Error(`--arch must be tcn or trend-mlp (got ${v})`);
  return v;
}

/** "1,2,4,8" → [1, 2, 4, 8]; undefined when absent. */
function parseDilations(v: string | undefined): number[] | undefined {
  if (v === undefined) return undefined;
  const list = v.split(',').map(Number);
  if (list.length === 0 || list.some((d) => !Number.isInteger(d) || d < 1))
    throw new Error(`--dilations must be positive integers separated by commas (got ${v})`);
  return list;
}

function pickUnits(units: readonly CmapssUnit[], ids: readonly number[]): CmapssUnit[] {
  const set = new Set(ids);
  return units.filter((u) => set.has(u.unit));
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

export async function trainTurbofan(argv: readonly string[]): Promise<TurbofanModelCard> {
  const args = parseArgs(argv);
  const D = TURBOFAN_DEFAULTS;
  const subset = parseSubset(args.get('subset'));
  const dataDir = args.get('data') ?? DEFAULT_CMAPSS_DIR;
  const outDir = args.get('out') ?? turbofanModelDir(subset);
  const seed = num(args, 'seed', D.seed);
  const members = num(args, 'members', D.members);
  const windowLength = num(args, 'window', D.window);
  const epochs = num(args, 'epochs', D.epochs);
  const batchSize = num(args, 'batch', D.batch);
  const learningRate = num(args, 'lr', D.lr);
  const patience = num(args, 'patience', D.patience);
  const maxWindows = num(args, 'max-windows', D.maxWindows);
  const valFraction = num(args, 'val-fraction', D.valFraction);
  const minHistory = num(args, 'min-history', D.minHistory);
  const smoothing = num(args, 'smoothing', D.smoothing);
  const ageScale = num(args, 'age-scale', D.ageScale);
  const dilations = parseDilations(args.get('dilations')) ?? [...D.dilations];
  const arch = parseArch(args.get('arch') ?? D.arch);
  const rulCap = num(args, 'cap', 125);
  const budgetMinutes = num(args, 'time-budget', 0);
  const schedule = args.get('schedule') ?? D.schedule;
  if (schedule !== 'cosine' && schedule !== 'plateau')
    throw new Error(`--schedule must be cosine or plateau (got ${schedule})`);
  if (!Number.isInteger(members) || members < 1) throw new Error(`--members must be ≥ 1 (got ${members})`);
  const skipTest = args.has('skip-test');

  const backend = await initTfNode(args.get('backend') === 'cpu' ? 'cpu' : 'wasm');
  tf.enableProdMode();
  const trainPath = path.join(dataDir, `train_${subset}.txt`);
  const trainRef = await fileRef(trainPath);
  const parsed = parseCmapssStrict(await readFile(trainPath, 'utf8'), trainRef.name);
  const split = splitUnits(
    parsed.units.map((u) => u.unit),
    valFraction,
    seed,
  );
  const spec = fitFeatureSpec(pickUnits(parsed.units, split.train), {
    windowLength,
    rulCap,
    smoothing,
    ageScale,
    // The trend MLP summarises only the real rows of a window: it needs the padding marked.
    validMask: arch === 'trend-mlp',
  });
  const trainSet = trainingWindows(pickUnits(parsed.units, split.train), spec, minHistory);
  const valSet = trainingWindows(pickUnits(parsed.units, split.val), spec, minHistory);
  const F = featureCount(spec);
  const cfg: Omit<TcnConfig, 'seed'> = {
    ...DEFAULT_TCN,
    filters: num(args, 'filters', DEFAULT_TCN.filters),
    convsPerBlock: num(args, 'convs-per-block', DEFAULT_TCN.convsPerBlock),
    dilations,
    arch,
    hiddenLayers: num(args, 'hidden-layers', 2),
    denseUnits: num(args, 'dense-units', DEFAULT_TCN.denseUnits),
    dropout: num(args, 'dropout', D.dropout),
    windowLength,
    features: F,
  };
  const perEpoch = Math.min(trainSet.count, maxWindows);
  const bar = createProgressBar();
  bar.log(
    `${subset}: ${split.train.length} train units (${trainSet.count} windows, ${perEpoch} per epoch), ` +
      `${split.val.length} val units (${valSet.count} windows), ${F} features, ` +
      `${spec.normalization.regimes.length} regime(s), ${members} member(s), backend ${backend}`,
  );

  const t0 = performance.now();
  const trained: tf.LayersModel[] = [];
  const results: TrainResult[] = [];
  for (let m = 0; m < members; m++) {
    const model = buildMember(cfg, seed, m, members);
    const deadline = budgetMinutes > 0 ? Date.now() + (budgetMinutes * 60_000) / members : undefined;
    let epochStart = performance.now();
    const tag = members > 1 ? `member ${m + 1}/${members} ` : '';
    const result = await trainRulModel(model, trainSet, valSet, {
      epochs,
      batchSize,
      learningRate,
      schedule,
      validateEvery: 5,
      patience,
      lrPatience: Math.max(2, Math.floor(patience / 2)),
      maxWindowsPerEpoch: perEpoch,
      seed: memberSeed(seed, m),
      rulCap,
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
  bar.done();

  // The interval is widened to its nominal coverage on the held-out windows (the test is not looked at).
  const raw = mergeMembers(cfg, seed, trained);
  const pv = predictRul(raw, valSet.x, valSet.count, windowLength, F, rulCap);
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
  const files = await saveModelDir(model, outDir);

  let test: TurbofanModelCard['test'] = null;
  const testPath = path.join(dataDir, `test_${subset}.txt`);
  const rulPath = path.join(dataDir, `RUL_${subset}.txt`);
  if (!skipTest && (await exists(testPath)) && (await exists(rulPath))) {
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

  const card = turbofanCard({
    subset,
    cfg: { ...cfg, seed },
    members: results.map((r, m) => ({
      seed: memberSeed(seed, m),
      rmse: r.bestValRmse,
      score: r.bestValScore,
    })),
    parameterCount: model.countParams(),
    weightsBytes: files.weightsBin.byteLength,
    spec,
    minHistory,
    trainFile: trainRef,
    split,
    windows: { train: trainSet.count, val: valSet.count },
    training: {
      seed,
      epochsMax: epochs,
      epochsRun: Math.max(...results.map((r) => r.epochsRun)),
      bestEpoch: Math.max(1, Math.min(...results.map((r) => r.bestEpoch))),
      batchSize,
      learningRate,
      schedule,
      maxWindowsPerEpoch: perEpoch,
      timeSeconds: Math.round(timeSeconds * 10) / 10,
      backend,
    },
    validation,
    test,
  });
  await writeFile(path.join(outDir, 'model-card.json'), JSON.stringify(card, null, 2) + '\n');
  const t = test
    ? `, test RMSE ${test.capped.rmse.toFixed(2)} Score ${test.capped.score.toFixed(1)} (capped)`
    : '';
  process.stderr.write(
    `${subset}: val RMSE ${validation.rmse.toFixed(2)} Score ${validation.score.toFixed(0)} ` +
      `(one cut per unit: RMSE ${validation.lastCycle.rmse.toFixed(2)}; interval ×${intervalScale} → ` +
      `${(validation.interval.coverageAfter * 100).toFixed(0)} % held-out coverage)${t}, ` +
      `${formatDuration(timeSeconds)} → ${outDir}\n`,
  );
  model.dispose();
  trained.forEach((m) => m.dispose());
  return card;
}

if (isMainScript('train-turbofan.ts')) {
  trainTurbofan(process.argv.slice(2)).catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  });
}
