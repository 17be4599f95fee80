/**
 * Benchmarks the committed turbofan RUL model of a C-MAPSS subset on its test set (last-cycle
 * protocol) and prints RMSE and PHM08 Score next to published results.
 *
 *   npm run bench:cmapss -- --data <dir> --subset FD00x   [--model dir]
 *
 * Last line, exactly: `FD00x RMSE=<number> SCORE=<number> (capped truth)`.
 */
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { DEFAULT_CMAPSS_DIR, isMainScript, parseArgs, parseSubset } from './lib/files';
import { initTfNode } from './lib/tf-node';
import { benchTurbofan, loadTurbofanModel, turbofanModelDir } from './lib/turbofan';

/** Published last-cycle test RMSE (capped truth) per subset, for context. */
export const PUBLISHED_RMSE: Record<string, { name: string; rmse: Partial<Record<string, number>> }[]> = {
  rows: [
    { name: 'CNN (Babu et al. 2016)', rmse: { FD001: 18.45, FD002: 30.29, FD003: 19.82, FD004: 29.16 } },
    { name: 'LSTM (Zheng et al. 2017)', rmse: { FD001: 16.14, FD002: 24.49, FD003: 16.18, FD004: 28.17 } },
    { name: 'DCNN (Li et al. 2018)', rmse: { FD001: 12.61, FD002: 22.36, FD003: 12.64, FD004: 23.31 } },
    { name: 'best known (STAR 2024)', rmse: { FD001: 10.61, FD003: 10.71 } },
  ],
};

export async function benchCmapss(argv: readonly string[]): Promise<{ rmse: number; score: number }> {
  const args = parseArgs(argv);
  const subset = parseSubset(args.get('subset'));
  const dataDir = path.resolve(args.get('data') ?? DEFAULT_CMAPSS_DIR);
  const modelDir = path.resolve(args.get('model') ?? turbofanModelDir(subset));
  const backend = await initTfNode(args.get('backend') === 'cpu' ? 'cpu' : 'wasm');
  tf.enableProdMode();
  const { model, card } = await loadTurbofanModel(modelDir);
  if (card.subset !== subset)
    process.stderr.write(`note: model in ${modelDir} was trained on ${card.subset}\n`);
  const t0 = performance.now();
  const ev = await benchTurbofan(model, card, dataDir, subset);
  const ms = performance.now() - t0;
  model.dispose();

  const f = (v: number, d = 2) => v.toFixed(d);
  console.log(`C-MAPSS ${subset} — ${ev.units} test units, one prediction per unit at its last cycle`);
  console.log(
    `model   ${modelDir} (${card.architecture.parameterCount} parameters, trained on ${card.subset})`,
  );
  console.log(`backend ${backend}, ${f(ms, 0)} ms for features + inference`);
  console.log('');
  console.log(`                               RMSE     Score`);
  console.log(
    `this model, capped truth (125) ${f(ev.capped.rmse).padStart(6)}  ${f(ev.capped.score, 1).padStart(8)}`,
  );
  console.log(
    `this model, raw truth          ${f(ev.raw.rmse).padStart(6)}  ${f(ev.raw.score, 1).padStart(8)}`,
  );
  console.log(`q10–q90 interval coverage (capped truth): ${f(ev.intervalCoverage * 100, 0)} %`);
  console.log('');
  console.log('published (RMSE, capped truth):');
  for (const row of PUBLISHED_RMSE['rows']!) {
    const v = row.rmse[subset];
    console.log(`  ${row.name.padEnd(28)} ${v === undefined ? '    –' : f(v).padStart(6)}`);
  }
  if (card.test)
    console.log(
      `model card test figures: RMSE ${f(card.test.capped.rmse)} Score ${f(card.test.capped.score, 1)} (capped)`,
    );
  console.log(`${subset} RMSE=${f(ev.capped.rmse)} SCORE=${f(ev.capped.score)} (capped truth)`);
  return { rmse: ev.capped.rmse, score: ev.capped.score };
}

if (isMainScript('bench-cmapss.ts')) {
  benchCmapss(process.argv.slice(2)).catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  });
}
