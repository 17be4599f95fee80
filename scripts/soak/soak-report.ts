/** The soak run's hourly figures, their table and the end verdict: flat or growing. */

export interface HourFigures {
  /** Simulated hours since the start. */
  hour: number;
  wallS: number;
  /** V8 heap in use after a full garbage collection. */
  heapUsedMb: number;
  rssMb: number;
  /** tf.memory().numTensors. */
  tensors: number;
  /** History store on disk (database plus write-ahead log). */
  storeBytes: number;
  samplesStored: number;
  predictions: number;
  droppedPredictions: number;
}

const COLUMNS = [
  'sim h',
  'wall s',
  'heap MB',
  'rss MB',
  'tensors',
  'store MB',
  'samples',
  'predictions',
  'dropped',
];
const pad = (cells: readonly string[]) => cells.map((c) => c.padStart(12)).join('');

export const tableHeader = (): string => pad(COLUMNS);

export function tableRow(f: HourFigures): string {
  return pad([
    String(f.hour),
    f.wallS.toFixed(0),
    f.heapUsedMb.toFixed(1),
    f.rssMb.toFixed(0),
    String(f.tensors),
    (f.storeBytes / 1e6).toFixed(2),
    String(f.samplesStored),
    String(f.predictions),
    String(f.droppedPredictions),
  ]);
}

/** Heap growth between the first and the last window that still counts as flat: both this many MB and percent. */
const HEAP_SLACK_MB = 5;
const HEAP_SLACK_FRACTION = 0.1;

export interface SoakVerdict {
  flat: boolean;
  lines: string[];
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

/**
 * Compares the last `windowHours` rows with the first: flat when the tensor count did not rise and the heap grew by
 * no more than HEAP_SLACK_MB or HEAP_SLACK_FRACTION (whichever is larger). The store is expected to grow with the
 * samples it holds, so its bytes per sample are reported, not judged.
 */
export function soakVerdict(rows: readonly HourFigures[], windowHours: number): SoakVerdict {
  if (rows.length < 2) return { flat: false, lines: ['too few hours to judge (run at least 2)'] };
  const w = Math.max(1, Math.min(windowHours, Math.floor(rows.length / 2)));
  const first = rows.slice(0, w);
  const last = rows.slice(-w);
  const heapFirst = mean(first.map((r) => r.heapUsedMb));
  const heapLast = mean(last.map((r) => r.heapUsedMb));
  const tensorsFirst = Math.max(...first.map((r) => r.tensors));
  const tensorsLast = Math.max(...last.map((r) => r.tensors));
  const heapGrowth = heapLast - heapFirst;
  const heapFlat = heapGrowth <= Math.max(HEAP_SLACK_MB, HEAP_SLACK_FRACTION * heapFirst);
  const tensorsFlat = tensorsLast <= tensorsFirst;
  const perSample = (r: HourFigures) => r.storeBytes / Math.max(1, r.samplesStored);
  const span = `first ${w} h vs last ${w} h`;
  const lines = [
    `heap (${span}): ${heapFirst.toFixed(1)} → ${heapLast.toFixed(1)} MB (${heapGrowth >= 0 ? '+' : ''}${heapGrowth.toFixed(1)} MB): ${heapFlat ? 'flat' : 'GROWING'}`,
    `tfjs tensors (${span}): ${tensorsFirst} → ${tensorsLast}: ${tensorsFlat ? 'flat' : 'GROWING'}`,
    `rss (${span}): ${mean(first.map((r) => r.rssMb)).toFixed(0)} → ${mean(last.map((r) => r.rssMb)).toFixed(0)} MB (native: DuckDB, wasm; reported, not judged)`,
    `store: ${(rows.at(-1)!.storeBytes / 1e6).toFixed(1)} MB for ${rows.at(-1)!.samplesStored} samples, ${perSample(first.at(-1)!).toFixed(1)} → ${perSample(rows.at(-1)!).toFixed(1)} bytes per sample`,
  ];
  const flat = heapFlat && tensorsFlat;
  lines.push(`verdict: ${flat ? 'FLAT' : 'GROWING'}`);
  return { flat, lines };
}
