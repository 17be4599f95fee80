/**
 * Generates the seeded simulator data set for a model family.
 *
 *   npm run dataset -- --asset pump-skid [--seed 7] [--out dir] [--healthy 40] [--per-fault 18] [--per-sensor-fault 20]
 *     [--extra-val-healthy N]
 *
 * `--extra-val-healthy N` appends N healthy episodes to the validation split only (every other episode is
 * unchanged): the data set the health model's detection score and threshold are chosen on
 * (`npm run dataset -- --asset pump-skid --extra-val-healthy 40 --out .twinscape-data/datasets/pump-skid-calibration`).
 *
 * Writes index.json + binary columns to .twinscape-data/datasets/pump-skid/ (gitignored).
 */
import { planDataset, DEFAULT_SIZES, type DatasetSizes } from '../core/ml/pump/dataset';
import { runEpisode } from '../core/ml/pump/episodes';
import { isMainScript, parseArgs } from './lib/files';
import { createProgressBar, formatDuration } from './lib/progress';
import { DEFAULT_DATASET_DIR, loadPumpAsset, writeDataset } from './pump/dataset-io';

export const DEFAULT_DATASET_SEED = 7;

function int(args: Map<string, string>, key: string, def: number): number {
  const v = args.get(key);
  if (v === undefined) return def;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${key} must be a whole number ≥ 0 (got ${v})`);
  return n;
}

export async function generatePumpDataset(argv: readonly string[]): Promise<void> {
  const args = parseArgs(argv);
  const seed = int(args, 'seed', DEFAULT_DATASET_SEED);
  const out = args.get('out') ?? DEFAULT_DATASET_DIR;
  const sizes: DatasetSizes = {
    healthy: int(args, 'healthy', DEFAULT_SIZES.healthy),
    perPlantFault: int(args, 'per-fault', DEFAULT_SIZES.perPlantFault),
    perSensorFault: int(args, 'per-sensor-fault', DEFAULT_SIZES.perSensorFault),
  };
  const extra = int(args, 'extra-val-healthy', 0);
  if (extra > 0) sizes.extraValHealthy = extra;
  const asset = await loadPumpAsset();
  const planned = planDataset(seed, sizes);
  const bar = createProgressBar();
  const t0 = performance.now();
  const runs = planned.map((p, i) => {
    const run = runEpisode(p.plan, asset.tags);
    bar.update(
      i + 1,
      planned.length,
      `episode ${i + 1}/${planned.length} (${p.plan.kind} ${p.plan.faultId ?? ''})`,
    );
    return { run, split: p.split, faultIndex: p.faultIndex };
  });
  bar.done();
  const index = await writeDataset(out, runs, { seed, sizes });
  const count = (s: string) => index.episodes.filter((e) => e.split === s).length;
  const hours = (index.totalRows * index.samplePeriodS) / 3600;
  process.stderr.write(
    `${index.episodes.length} episodes (train ${count('train')}, val ${count('val')}, test ${count('test')}), ` +
      `${index.totalRows} rows = ${hours.toFixed(0)} simulated hours, ${formatDuration((performance.now() - t0) / 1000)} → ${out}\n` +
      `data set hash ${index.hash}\n`,
  );
}

async function main(argv: readonly string[]): Promise<void> {
  const asset = parseArgs(argv).get('asset');
  if (asset !== 'pump-skid')
    throw new Error(
      `--asset must be pump-skid (got ${asset ?? 'nothing'}); turbofan data come from NASA C-MAPSS files`,
    );
  await generatePumpDataset(argv);
}

if (isMainScript('dataset.ts')) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
