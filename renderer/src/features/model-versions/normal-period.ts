/**
 * The candidate normal period read from the history store on the model's sample grid (1 s unless the asset
 * samples slower): one grid call per 1,440 rows, so a day at 1 Hz is 60 calls with progress between them.
 */
import type { TwinApi } from '../../../../core/api/twin-api';
import type { TagDefinition } from '../../../../core/asset/schema';
import type { SampleFrame } from '../../../../core/data/frame';
import { Quality } from '../../../../core/data/quality';

/** The store's grid call returns at most this many rows. */
const ROWS_PER_CALL = 1440;
/** Longest period read for training: a day at 1 Hz. */
export const MAX_NORMAL_ROWS = 86_400;

export interface NormalPeriod {
  /** First and last row time, ms since epoch (both included). */
  from: number;
  to: number;
  stepMs: number;
}

/** Rows of the period; `t` in epoch seconds, values NaN and quality missing where nothing was stored. */
export async function readNormalPeriod(
  api: Pick<TwinApi, 'historyGrid'>,
  tags: readonly TagDefinition[],
  period: NormalPeriod,
  onFraction: (f: number) => void,
  cancelled: () => boolean,
): Promise<SampleFrame | null> {
  const rows = Math.floor((period.to - period.from) / period.stepMs) + 1;
  if (rows > MAX_NORMAL_ROWS)
    throw new Error(
      `the period holds ${rows} rows at ${period.stepMs / 1000} s; at most ${MAX_NORMAL_ROWS} are read for training — choose a shorter one`,
    );
  const tagIds = tags.map((t) => t.id);
  const frame: SampleFrame = {
    t: new Float64Array(rows),
    tagIds,
    values: tagIds.map(() => new Float32Array(rows).fill(Number.NaN)),
    quality: tagIds.map(() => new Uint8Array(rows).fill(Quality.missing)),
  };
  for (let start = 0; start < rows; start += ROWS_PER_CALL) {
    if (cancelled()) return null;
    const steps = Math.min(ROWS_PER_CALL, rows - start);
    const to = period.from + (start + steps - 1) * period.stepMs;
    const grid = await api.historyGrid({ to, steps, stepMs: period.stepMs, tagIds });
    for (let r = 0; r < steps; r++) {
      frame.t[start + r] = (period.from + (start + r) * period.stepMs) / 1000;
      grid.values.forEach((column, j) => {
        const v = column[r];
        if (v === null || v === undefined) return;
        frame.values[j]![start + r] = v;
        frame.quality[j]![start + r] = Quality.good;
      });
    }
    onFraction((start + steps) / rows);
  }
  return frame;
}
