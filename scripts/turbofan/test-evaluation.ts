/** The C-MAPSS test protocol for a freshly trained model, when the test and RUL files are present. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type * as tf from '@tensorflow/tfjs';
import { parseCmapssStrict, parseRulFile } from '../../core/data/cmapss';
import type { TurbofanModelCard } from '../../core/ml/io/model-card';
import { evaluateLastCycle } from '../../core/ml/rul/evaluate';
import type { FeatureSpec } from '../../core/ml/rul/features';
import { exists, fileRef } from '../lib/files';

/** The card's test section; null when `skipTest` or when test_<subset>.txt or RUL_<subset>.txt is missing. */
export async function evaluateTestSet(
  model: tf.LayersModel,
  spec: FeatureSpec,
  dataDir: string,
  subset: string,
  skipTest: boolean,
): Promise<TurbofanModelCard['test']> {
  const testPath = path.join(dataDir, `test_${subset}.txt`);
  const rulPath = path.join(dataDir, `RUL_${subset}.txt`);
  if (skipTest || !(await exists(testPath)) || !(await exists(rulPath))) return null;
  const testUnits = parseCmapssStrict(await readFile(testPath, 'utf8'), path.basename(testPath)).units;
  const truth = parseRulFile(await readFile(rulPath, 'utf8'), path.basename(rulPath));
  const ev = evaluateLastCycle(model, testUnits, truth, spec);
  return {
    protocol: 'one prediction per test unit from the window ending at its last cycle',
    testFile: await fileRef(testPath),
    rulFile: await fileRef(rulPath),
    units: ev.units,
    capped: ev.capped,
    raw: ev.raw,
    intervalCoverage: ev.intervalCoverage,
  };
}
