import type { HampelOptions } from '../../data/cleaning';

/** How a row's alarm is raised and cleared. */
export interface PersistenceOptions {
  /** Rows over the threshold, among the last `raiseWindow`, that raise the alarm. */
  raiseCount: number;
  raiseWindow: number;
  /** The alarm clears once `clearRows` rows in a row score below `clearRatio` × threshold. */
  clearRatio: number;
  clearRows: number;
}

/** Choices made when a model of normal behaviour is trained; every one has a default. */
export interface NormalModelOptions {
  /** Rows in the trailing window whose mean is scored (the window ends at the scored row). */
  windowRows: number;
  /**
   * How far a tag's level may wander in normal running beyond what the training rows show, in units of the
   * tag's per-sample standard deviation. A short training span cannot see slow wander; this is its allowance.
   */
  levelWander: number;
  /** Share of the training rows the calibration model is fitted on; the rest are held out to calibrate. */
  fitShare: number;
  /** False-alarm budget: alarms per 24 h of normal running at `sampleRateHz`. */
  falseAlarmsPerDay: number;
  sampleRateHz: number;
  persistence: PersistenceOptions;
  /**
   * Spike filter (core/data/cleaning) for the training rows and, trailing, for scored rows; or false. Off
   * by default: on a quantised tag with a little jitter (SKAB's flow: 1 L/min steps, ±0.01 jitter) the MAD
   * is far below the step, so every step reads as a spike and the tag's learnt spread halves.
   */
  hampel: HampelOptions | false;
  /** Longest run of missing training samples that is interpolated. */
  maxGap: number;
  /** Longest lag summed for a tag's autocorrelation time (bounds the cost on long training spans). */
  maxLag: number;
}

/**
 * Defaults. Window (20 rows) and wander (0.15 sample sd) were chosen on SKAB valve1 files 0–7 and checked
 * on files 8–15 (docs/models-normal-behaviour.md), and so was clearing only after 20 rows (one window) in a
 * row below the clear level; the rest was fixed beforehand: 3/4 of the rows to fit and 1/4 held out, one
 * false alarm per day, 5 of 10 rows to raise, 0.8 × threshold to clear.
 */
export const DEFAULT_NORMAL_OPTIONS: NormalModelOptions = {
  windowRows: 20,
  levelWander: 0.15,
  fitShare: 0.75,
  falseAlarmsPerDay: 1,
  sampleRateHz: 1,
  persistence: { raiseCount: 5, raiseWindow: 10, clearRatio: 0.8, clearRows: 20 },
  hampel: false,
  maxGap: 3,
  maxLag: 1000,
};

/** Defaults overridden by `options` (persistence merged field by field); throws on an impossible value. */
export function resolveOptions(options: Partial<NormalModelOptions> = {}): NormalModelOptions {
  const o: NormalModelOptions = {
    ...DEFAULT_NORMAL_OPTIONS,
    ...options,
    persistence: { ...DEFAULT_NORMAL_OPTIONS.persistence, ...options.persistence },
  };
  const p = o.persistence;
  const checks: [boolean, string][] = [
    [Number.isInteger(o.windowRows) && o.windowRows >= 1, `windowRows must be an integer ≥ 1`],
    [o.levelWander >= 0 && Number.isFinite(o.levelWander), 'levelWander must be ≥ 0'],
    [o.fitShare > 0 && o.fitShare < 1, 'fitShare must be between 0 and 1'],
    [o.falseAlarmsPerDay > 0 && Number.isFinite(o.falseAlarmsPerDay), 'falseAlarmsPerDay must be > 0'],
    [o.sampleRateHz > 0 && Number.isFinite(o.sampleRateHz), 'sampleRateHz must be > 0'],
    [Number.isInteger(p.raiseWindow) && p.raiseWindow >= 1, 'persistence.raiseWindow must be an integer ≥ 1'],
    [
      Number.isInteger(p.raiseCount) && p.raiseCount >= 1 && p.raiseCount <= p.raiseWindow,
      'persistence.raiseCount must be an integer in 1..raiseWindow',
    ],
    [p.clearRatio > 0 && p.clearRatio <= 1, 'persistence.clearRatio must be in (0, 1]'],
    [Number.isInteger(p.clearRows) && p.clearRows >= 1, 'persistence.clearRows must be an integer ≥ 1'],
    [Number.isInteger(o.maxGap) && o.maxGap >= 0, 'maxGap must be an integer ≥ 0'],
    [Number.isInteger(o.maxLag) && o.maxLag >= 1, 'maxLag must be an integer ≥ 1'],
  ];
  const problem = checks.find(([ok]) => !ok);
  if (problem) throw new Error(`normal-behaviour model options: ${problem[1]}`);
  return o;
}

/** Whether `rows` training rows are enough: two windows to fit on and at least one held-out row. */
export function enoughTrainingRows(rows: number, o: NormalModelOptions): boolean {
  const fitRows = Math.round(rows * o.fitShare);
  return fitRows >= 2 * o.windowRows && rows - fitRows >= 1;
}

/** The fewest training rows the model accepts with these options. */
export function minimumTrainingRows(o: NormalModelOptions): number {
  let rows = Math.max(1, Math.floor((2 * o.windowRows - 0.5) / o.fitShare));
  while (!enoughTrainingRows(rows, o)) rows++;
  return rows;
}
