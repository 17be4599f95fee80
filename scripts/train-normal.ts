/**
 * "Learn normal" from the command line, on the app's code path: read the normal period (CSV/Parquet via the
 * history import, or a span of the asset's recorded history) → pre-training checks → clean and train
 * (core/ml/normal) → held-out report → a versioned model card in the data folder (deployed with --deploy).
 *
 *   npm run train -- --asset <id|asset.json> --normal <file.csv|file.parquet|history:FROM..TO>
 *                    [--rows N | --minutes N] [--map col=tag,…] [--time-column c] [--time-format iso|epoch-s|epoch-ms]
 *                    [--rate Hz] [--budget alarms/24h] [--window rows] [--wander sd] [--faults FROM..TO,…]
 *                    [--data-dir dir] [--deploy]
 *
 * Exit status 2 when the checks refuse the period (nothing is trained or written).
 */
import path from 'node:path';
import { sliceFrame, type SampleFrame } from '../core/data/frame';
import {
  assetSampleRateHz,
  normalModelCard,
  preflightNormalTraining,
  resolveOptions,
  trainNormalModel,
  type KnownFaultInterval,
  type NormalPreflightIssue,
} from '../core/ml/normal';
import type { TimestampFormat } from '../electron/services/history/import/import-source';
import { fixed, modelOptions } from './bench-skab';
import { isMainScript, parseArgs } from './lib/files';
import { createProgressBar, type ProgressBar } from './lib/progress';
import { loadAsset } from './normal/asset-file';
import { defaultDataDir, deployNormalVersion, saveNormalVersion } from './normal/normal-registry';
import { historyRange, parseTime, readNormalSource } from './normal/normal-source';

/** Exit status when the pre-training checks refuse the period. */
export const REFUSED = 2;

const positive = (args: Map<string, string>, key: string): number | undefined => {
  const v = args.get(key);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!(n > 0) || !Number.isFinite(n)) throw new Error(`--${key} must be a positive number, got "${v}"`);
  return n;
};

function knownFaults(text: string | undefined): KnownFaultInterval[] {
  if (text === undefined) return [];
  return text.split(',').map((range) => {
    const [from, to] = range.split('..');
    if (from === undefined || to === undefined)
      throw new Error(`--faults: "${range}" is not FROM..TO (ISO date-times or epoch ms)`);
    return {
      fromMs: parseTime(from, '--faults start'),
      toMs: parseTime(to, '--faults end'),
      label: `--faults ${range}`,
    };
  });
}

const TIMESTAMP_FORMATS: readonly TimestampFormat[] = ['iso', 'epoch-s', 'epoch-ms'];

function timestampFormat(text: string): TimestampFormat {
  const format = TIMESTAMP_FORMATS.find((f) => f === text);
  if (!format) throw new Error(`--time-format must be ${TIMESTAMP_FORMATS.join(', ')} (got "${text}")`);
  return format;
}

/** The first `minutes` of a frame. */
function firstMinutes(frame: SampleFrame, minutes: number): SampleFrame {
  const end = frame.t.findIndex((t) => t >= frame.t[0]! + minutes * 60);
  return end < 0 ? frame : sliceFrame(frame, 0, end);
}

const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

/** Where the CLI writes: results, refusals, and the progress bar with the lines logged above it. */
export interface TrainNormalIo {
  out(line: string): void;
  err(line: string): void;
  progress: ProgressBar;
}

const consoleIo = (): TrainNormalIo => ({
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  progress: createProgressBar(process.stdout),
});

/** Trains a model of normal behaviour; resolves to the exit status (0, or REFUSED). */
export async function trainNormal(argv: readonly string[], io: TrainNormalIo = consoleIo()): Promise<number> {
  const args = parseArgs(argv);
  const { out, progress: bar } = io;
  const assetArg = args.get('asset');
  const source = args.get('normal');
  if (!assetArg || !source)
    throw new Error(
      'usage: npm run train -- --asset <id|asset.json> --normal <file.csv|file.parquet|history:FROM..TO>',
    );
  const asset = await loadAsset(assetArg);
  const dataDir = path.resolve(args.get('data-dir') ?? defaultDataDir());
  const options = resolveOptions({
    ...modelOptions(args),
    sampleRateHz: positive(args, 'rate') ?? assetSampleRateHz(asset),
  });
  const rows = positive(args, 'rows');
  const minutes = positive(args, 'minutes');
  out(
    `asset ${asset.id} (${asset.tags.length} tags), sample rate ${options.sampleRateHz} Hz, data folder ${dataDir}`,
  );

  const progress = (fraction: number, label: string) =>
    bar.update(Math.round(fraction * 100), 100, `${Math.round(fraction * 100)} % ${label}`);
  const read = await readNormalSource(asset, source, {
    dataDir,
    ...(args.has('map') ? { map: args.get('map')! } : {}),
    ...(args.has('time-column') ? { timeColumn: args.get('time-column')! } : {}),
    ...(args.has('time-format') ? { timeFormat: timestampFormat(args.get('time-format')!) } : {}),
    ...(rows === undefined ? {} : { rows: Math.floor(rows) }),
    onProgress: (f) => progress(0.4 * f, 'reading the normal period'),
    log: (line) => bar.log(line),
  });
  const frame = minutes === undefined ? read.frame : firstMinutes(read.frame, minutes);
  const n = frame.t.length;
  const span = n > 0 ? `rows 1–${n} (${iso(frame.t[0]!)} – ${iso(frame.t[n - 1]!)})` : 'no rows';
  bar.log(`normal period: ${span}`);

  const checks = preflightNormalTraining({
    frame,
    tags: asset.tags,
    options,
    knownFaults: [...read.knownFaults, ...knownFaults(args.get('faults'))],
  });
  const say = (kind: string, issue: NormalPreflightIssue) =>
    bar.log(`${kind} [${issue.code}]: ${issue.message}`);
  checks.warnings.forEach((w) => say('warning', w));
  if (checks.refusals.length > 0) {
    bar.done();
    checks.refusals.forEach((r) => io.err(`refused [${r.code}]: ${r.message}`));
    io.err(`not trained: ${checks.refusals.length} problem(s) with the normal period`);
    return REFUSED;
  }

  const { model, report } = trainNormalModel(frame, asset.tags, options, (f, step) =>
    progress(0.4 + 0.6 * f, step),
  );
  bar.done();
  const held = report.heldOutAlarms;
  const heldDays = report.heldOutRows / options.sampleRateHz / 86_400;
  out(
    `held-out report: fitted on rows 1–${report.fitRows}, rows ${report.fitRows + 1}–${report.rows} held out`,
  );
  out(
    `  threshold ${fixed(report.threshold, 2)} = budget level ${fixed(report.budgetLevel, 2)} ` +
      `(${options.falseAlarmsPerDay} false alarm(s) / 24 h, ${model.tags.length - report.unscoredTags.length} scored tag(s), ` +
      `${options.windowRows}-row window) × held-out inflation ${fixed(report.heldOutInflation, 2)}`,
  );
  out(
    `  false alarms on the held-out rows: ${held.alarms} (${held.alarmRows} of ${report.heldOutRows} rows marked) ` +
      `= ${fixed(held.alarmsPerDay, 1)} per 24 h over ${fixed(heldDays * 24 * 60, 1)} min (budget ${options.falseAlarmsPerDay})`,
  );
  if (report.unscoredTags.length > 0) out(`  not scored (never moved): ${report.unscoredTags.join(', ')}`);

  const card = normalModelCard(model, report, {
    asset: asset.id,
    trainedOn: `${read.label}, ${span}`,
    createdAt: new Date().toISOString(),
    data: {
      source: historyRange(source) ? source : path.resolve(source),
      fromMs: frame.t[0]! * 1000,
      toMs: frame.t[n - 1]! * 1000,
    },
  });
  const saved = saveNormalVersion(dataDir, asset.id, card);
  out(`saved version ${saved.id}: ${saved.file}`);
  if (args.has('deploy')) {
    deployNormalVersion(dataDir, asset.id, saved.id);
    out(`deployed ${saved.id} as ${asset.id}'s normal-behaviour model`);
  } else out(`not deployed (add --deploy, or deploy it in Models…)`);
  return 0;
}

if (isMainScript('train-normal.ts')) {
  trainNormal(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    },
  );
}
