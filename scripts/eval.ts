/**
 * Recomputes the test figures of the committed pump-skid models on the data set's test split and
 * prints them beside the figures in their model cards.
 *
 *   npm run eval [-- --data dir]
 *
 * Then the normal-behaviour models of the data folder's registry (scripts/eval-normal.ts); `--skip-pump`
 * prints those alone.
 */
import * as tf from '@tensorflow/tfjs';
import { forecastMetrics, physicsBaseline, predictForecast } from '../core/ml/pump/evaluate-forecaster';
import { warningRuleOf } from '../core/ml/pump/detection-score';
import { healthMetrics, predictHealth } from '../core/ml/pump/evaluate-health';
import { evaluateNormal } from './eval-normal';
import { isMainScript, parseArgs } from './lib/files';
import { initTfNode } from './lib/tf-node';
import { DEFAULT_DATASET_DIR, loadDataset, loadPumpAsset } from './pump/dataset-io';
import { splitEpisodes } from './pump/episodes-io';
import { loadForecaster, loadHealthModel } from './pump/load-models';
import { printDetectionChoice } from './pump/print-detection-choice';
import { printWhyShares } from './pump/print-why-shares';
import { PHYSICS_WINDOWS } from './pump/train-forecaster';
import { valveMoveGaps } from './pump/valve-move-gap';

const f = (x: number | null | undefined, d = 3) => (x === null || x === undefined ? '—' : x.toFixed(d));
const row = (name: string, now: string, card: string) =>
  `  ${name.padEnd(44)} ${now.padStart(12)} ${card.padStart(12)}${now === card ? '' : '   (differs)'}\n`;

export async function evaluatePump(argv: readonly string[]): Promise<void> {
  const args = parseArgs(argv);
  const backend = await initTfNode(args.get('backend') === 'cpu' ? 'cpu' : 'wasm');
  const asset = await loadPumpAsset();
  const ds = await loadDataset(args.get('data') ?? DEFAULT_DATASET_DIR, asset);
  const test = splitEpisodes(ds, 'test');
  const out = process.stdout;
  out.write(
    `backend ${backend}, data set ${ds.index.hash.slice(0, 12)}, ${test.episodes.length} test episodes\n`,
  );

  const h = await loadHealthModel();
  if (h.card.dataset.hash !== ds.index.hash)
    out.write(`warning: the health model was trained on data set ${h.card.dataset.hash.slice(0, 12)}\n`);
  const ho = predictHealth(h.model, test.episodes, h.card, h.card.dataset.windowStride.eval);
  const rule = warningRuleOf(h.card);
  const hm = healthMetrics(ho, test.episodes, asset, rule, h.card.dataset.windowStride.eval);
  const c = h.card.test;
  printDetectionChoice(out, h.card);
  out.write(`\nhealth model (${rule.score} ≥ ${rule.threshold})          recomputed         card\n`);
  out.write(row('detection ROC-AUC (target ≥ 0.97)', f(hm.detectionRocAuc, 4), f(c.detectionRocAuc, 4)));
  for (const [fault, auc] of Object.entries(hm.detectionRocAucByFault))
    out.write(`  ${`ROC-AUC, healthy vs ${fault}`.padEnd(44)} ${f(auc, 4).padStart(12)}\n`);
  out.write(row('false alarms / 24 h (target ≤ 1)', f(hm.falseAlarmsPer24h, 2), f(c.falseAlarmsPer24h, 2)));
  out.write(row('fault-type macro-F1 (target ≥ 0.92)', f(hm.faultTypeMacroF1), f(c.faultTypeMacroF1)));
  for (const [cls, f1] of Object.entries(hm.perClassF1))
    out.write(row(`  F1 ${cls}`, f(f1), f(c.perClassF1[cls])));
  out.write(row('RUL RMSE, hours', f(hm.rulRmseHours, 2), f(c.rulRmseHours, 2)));
  out.write(row('RUL RMSE / mean true RUL', f(hm.rulRmseFraction), f(c.rulRmseFraction)));
  out.write(row('RUL ±1σ interval coverage', f(hm.rulIntervalCoverage), f(c.rulIntervalCoverage)));
  for (const [fault, lead] of Object.entries(hm.leadTimeHoursMedian))
    out.write(row(`median lead vs alarms, h: ${fault}`, f(lead, 2), f(c.leadTimeHoursMedian[fault], 2)));
  printWhyShares(out, h.model, test.episodes, h.card);
  h.model.dispose();

  const fc = await loadForecaster();
  const fo = predictForecast(
    fc.model,
    test.episodes,
    fc.card.normalization,
    fc.card.dataset.windowStride.eval,
  );
  const fm = forecastMetrics(fo, fc.card.normalization);
  const cc = fc.card.test.controlChange;
  out.write(
    `\nforecaster, +60 min on ${fm.controlChange.windows} setpoint-change windows   recomputed         card\n`,
  );
  for (const tag of fc.card.controlMovedTags) {
    out.write(row(`${tag} MAE`, f(fm.controlChange.mae[tag]), f(cc.mae[tag])));
    out.write(
      row(`${tag} persistence MAE`, f(fm.controlChange.persistenceMae[tag]), f(cc.persistenceMae[tag])),
    );
  }
  out.write(
    row('mean improvement over persistence', f(fm.controlChange.meanImprovement), f(cc.meanImprovement)),
  );
  if (!args.has('skip-physics')) {
    const ph = physicsBaseline(fo, test.plans, fc.card.normalization, asset, PHYSICS_WINDOWS);
    out.write(`\nphysics simulator vs model vs persistence, +60 min, ${ph.windows} windows (MAE)\n`);
    for (const tag of fc.card.controlMovedTags)
      out.write(
        `  ${tag.padEnd(22)} physics ${f(ph.mae[tag])}  model ${f(ph.modelMae[tag])}  persistence ${f(ph.persistenceMae[tag])}\n`,
      );
  }
  out.write(`\nsurrogate vs physics, what-if valve 80 → 50 %, flow over the next hour\n`);
  for (const g of await valveMoveGaps(asset, fc.model, fc.card))
    out.write(`  at ${g.speedHz} Hz: gap ${f(g.flowGap, 2)} m³/h = ${f(g.ratio, 1)} × the card's test MAE\n`);
  fc.model.dispose();
  out.write(`\ntfjs ${tf.version.tfjs}\n`);
}

if (isMainScript('eval.ts')) {
  const argv = process.argv.slice(2);
  const failed = (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  };
  (parseArgs(argv).has('skip-pump') ? Promise.resolve() : evaluatePump(argv).catch(failed))
    .then(() => evaluateNormal(argv))
    .catch(failed);
}
