/**
 * Chooses the committed health model's warning rule (detection score kind and threshold) again on the
 * validation split of the calibration data set, then recomputes its validation, test and fixture figures
 * under that rule and rewrites its model-card.json (the weights are not touched).
 *
 *   npm run dataset -- --asset pump-skid --extra-val-healthy 40 --out .twinscape-data/datasets/pump-skid-calibration
 *   npm run choose-health-rule [-- --data dir]
 *
 * The calibration data set must hold the model's training data set unchanged (its hash without the
 * validation-only healthy episodes equals the card's `dataset.hash`): train, validation and test episodes
 * are then byte for byte the ones the model was trained and tested on, and only validation grew.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { healthCardSchema, PUMP_CARD_SCHEMA_VERSION, type HealthCard } from '../../core/ml/pump/card';
import { isMainScript, parseArgs } from '../lib/files';
import { createProgressBar } from '../lib/progress';
import { initTfNode } from '../lib/tf-node';
import { chooseDetection } from './choose-detection';
import { PUMP_MODEL_DIR } from './common';
import { baseDatasetHash } from './dataset-base-hash';
import { CALIBRATION_DATASET_DIR, loadDataset, loadPumpAsset } from './dataset-io';
import { splitEpisodes } from './episodes-io';
import { evaluateHealthModel } from './evaluate-health-model';
import { thresholdSection } from './health-card';
import { loadHealthModel } from './load-models';

export async function chooseHealthRule(argv: readonly string[]): Promise<HealthCard> {
  const args = parseArgs(argv);
  await initTfNode(args.get('backend') === 'cpu' ? 'cpu' : 'wasm');
  const asset = await loadPumpAsset();
  const dir = args.get('data') ?? CALIBRATION_DATASET_DIR;
  const ds = await loadDataset(dir, asset);
  const modelDir = path.join(PUMP_MODEL_DIR, 'health');
  const { model, card } = await loadHealthModel(modelDir);
  const base = await baseDatasetHash(dir, ds.index);
  if (base !== card.dataset.hash)
    throw new Error(
      `${dir} does not hold the model's data set ${card.dataset.hash.slice(0, 12)} (it holds ${base.slice(0, 12)} ` +
        'besides its validation-only episodes); generate it with the same seed and sizes',
    );
  const val = splitEpisodes(ds, 'val').episodes;
  const test = splitEpisodes(ds, 'test').episodes;
  const bar = createProgressBar();
  const detection = chooseDetection(model, val, card, ds.index.hash);
  for (const c of detection.choice.candidates)
    bar.log(
      `validation ${c.kind}: ROC-AUC ${c.rocAuc.toFixed(4)}, threshold ${c.threshold}, ${c.falseAlarmsPer24h.toFixed(2)} false alarms / 24 h`,
    );
  bar.log(`chosen: ${detection.rule.score} ≥ ${detection.rule.threshold}`);
  const ev = evaluateHealthModel(
    model,
    ds,
    { val, test },
    detection.outputs,
    detection.rule,
    asset,
    card,
    bar,
  );
  model.dispose();
  const next: HealthCard = healthCardSchema.parse({
    ...card,
    schemaVersion: PUMP_CARD_SCHEMA_VERSION,
    threshold: thresholdSection(detection),
    validation: ev.validation,
    fixture: { ...card.fixture, metrics: ev.fixtureMetrics },
    test: { protocol: card.test.protocol, ...ev.test, whySignatureShare: ev.whySignatureShare },
  });
  await writeFile(path.join(modelDir, 'model-card.json'), JSON.stringify(next, null, 2) + '\n');
  return next;
}

if (isMainScript('choose-health-rule.ts')) {
  chooseHealthRule(process.argv.slice(2))
    .then((c) =>
      process.stderr.write(
        `test: ROC-AUC ${c.test.detectionRocAuc.toFixed(4)}, false alarms ${c.test.falseAlarmsPer24h.toFixed(2)} / 24 h, ` +
          `macro-F1 ${c.test.faultTypeMacroF1.toFixed(3)}\n`,
      ),
    )
    .catch((e: unknown) => {
      process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exit(1);
    });
}
