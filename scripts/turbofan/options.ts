/** Command-line options of scripts/train-turbofan.ts: the committed defaults and their parsing. */
import type { RulArch } from '../../core/ml/rul/model';
import { DEFAULT_CMAPSS_DIR, parseSubset } from '../lib/files';
import { turbofanModelDir } from '../lib/turbofan';

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

export interface TurbofanOptions {
  subset: ReturnType<typeof parseSubset>;
  dataDir: string;
  outDir: string;
  seed: number;
  members: number;
  windowLength: number;
  epochs: number;
  batchSize: number;
  learningRate: number;
  patience: number;
  maxWindows: number;
  valFraction: number;
  minHistory: number;
  smoothing: number;
  ageScale: number;
  dilations: number[];
  arch: RulArch;
  rulCap: number;
  budgetMinutes: number;
  schedule: 'cosine' | 'plateau';
  skipTest: boolean;
  backend: 'wasm' | 'cpu';
}

/** `--key` as a number, `def` when absent; throws when it is not one. */
export function num(args: Map<string, string>, key: string, def: number): number {
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

/**
 * The run's options from parsed arguments (the network's shape flags are read later, by
 * `rulNetConfig`, once the feature count is known).
 */
export function parseTurbofanOptions(args: Map<string, string>): TurbofanOptions {
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
  const backend = args.get('backend') === 'cpu' ? 'cpu' : 'wasm';
  return {
    subset,
    dataDir,
    outDir,
    seed,
    members,
    windowLength,
    epochs,
    batchSize,
    learningRate,
    patience,
    maxWindows,
    valFraction,
    minHistory,
    smoothing,
    ageScale,
    dilations,
    arch,
    rulCap,
    budgetMinutes,
    schedule,
    skipTest,
    backend,
  };
}
