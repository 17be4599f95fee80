/** The training file of a C-MAPSS subset as train and validation windows, split by unit. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseCmapssStrict, type CmapssUnit } from '../../core/data/cmapss';
import {
  fitFeatureSpec,
  trainingWindows,
  type FeatureSpec,
  type WindowSet,
} from '../../core/ml/rul/features';
import { splitUnits } from '../../core/ml/rul/split-units';
import { fileRef } from '../lib/files';
import type { TurbofanOptions } from './options';

export interface TurbofanTrainingData {
  trainFile: Awaited<ReturnType<typeof fileRef>>;
  split: { train: number[]; val: number[] };
  spec: FeatureSpec;
  trainSet: WindowSet;
  valSet: WindowSet;
}

function pickUnits(units: readonly CmapssUnit[], ids: readonly number[]): CmapssUnit[] {
  const set = new Set(ids);
  return units.filter((u) => set.has(u.unit));
}

/** Reads train_<subset>.txt, splits its units, fits the features on the training units and windows both. */
export async function loadTrainingData(o: TurbofanOptions): Promise<TurbofanTrainingData> {
  const trainPath = path.join(o.dataDir, `train_${o.subset}.txt`);
  const trainFile = await fileRef(trainPath);
  const parsed = parseCmapssStrict(await readFile(trainPath, 'utf8'), trainFile.name);
  const split = splitUnits(
    parsed.units.map((u) => u.unit),
    o.valFraction,
    o.seed,
  );
  const spec = fitFeatureSpec(pickUnits(parsed.units, split.train), {
    windowLength: o.windowLength,
    rulCap: o.rulCap,
    smoothing: o.smoothing,
    ageScale: o.ageScale,
    // The trend MLP summarises only the real rows of a window: it needs the padding marked.
    validMask: o.arch === 'trend-mlp',
  });
  const trainSet = trainingWindows(pickUnits(parsed.units, split.train), spec, o.minHistory);
  const valSet = trainingWindows(pickUnits(parsed.units, split.val), spec, o.minHistory);
  return { trainFile, split, spec, trainSet, valSet };
}
