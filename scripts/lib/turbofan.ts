/** Loading committed turbofan models and running the C-MAPSS test protocol (bench and tests share this). */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type * as tf from '@tensorflow/tfjs';
import { parseCmapssStrict, parseRulFile } from '../../core/data/cmapss';
import { parseModelCard, type TurbofanModelCard } from '../../core/ml/io/model-card';
import { featureSpecFromCard } from '../../core/ml/rul/card-spec';
import { evaluateLastCycle, type LastCycleEvaluation } from '../../core/ml/rul/evaluate';
import { loadModelDir, REPO_ROOT } from './files';

export function turbofanModelDir(subset: string): string {
  return path.join(REPO_ROOT, 'models', 'turbofan', subset);
}

export async function loadTurbofanModel(
  dir: string,
): Promise<{ model: tf.LayersModel; card: TurbofanModelCard }> {
  const card = parseModelCard(JSON.parse(await readFile(path.join(dir, 'model-card.json'), 'utf8')));
  const model = await loadModelDir(dir);
  return { model, card };
}

/** Reads test_<subset>.txt and RUL_<subset>.txt from `dataDir` and evaluates at each unit's last cycle. */
export async function benchTurbofan(
  model: tf.LayersModel,
  card: TurbofanModelCard,
  dataDir: string,
  subset: string,
): Promise<LastCycleEvaluation> {
  const testName = `test_${subset}.txt`;
  const rulName = `RUL_${subset}.txt`;
  const [testText, rulText] = await Promise.all([
    readFile(path.join(dataDir, testName), 'utf8'),
    readFile(path.join(dataDir, rulName), 'utf8'),
  ]);
  const test = parseCmapssStrict(testText, testName);
  const truth = parseRulFile(rulText, rulName);
  return evaluateLastCycle(model, test.units, truth, featureSpecFromCard(card));
}
