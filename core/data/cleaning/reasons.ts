import { Quality } from '../quality';

/** Why cleaning flagged a sample: the non-good `Quality` codes cleaning gives (live sources give the others). */
export type CleaningReason = Exclude<keyof typeof Quality, 'good' | 'stale' | 'sourceBad' | 'uncertain'>;

export const CLEANING_REASONS: readonly CleaningReason[] = [
  'missing',
  'outOfRange',
  'stuck',
  'spike',
  'interpolated',
];

/** Samples flagged per reason. */
export type ReasonCounts = Record<CleaningReason, number>;

export function emptyReasonCounts(): ReasonCounts {
  return { missing: 0, outOfRange: 0, stuck: 0, spike: 0, interpolated: 0 };
}

/** Final quality of one column, counted per reason (good samples are not counted). */
export function countQuality(quality: Uint8Array): ReasonCounts {
  const counts = emptyReasonCounts();
  for (let i = 0; i < quality.length; i++) {
    switch (quality[i]) {
      case Quality.missing:
        counts.missing++;
        break;
      case Quality.outOfRange:
        counts.outOfRange++;
        break;
      case Quality.stuck:
        counts.stuck++;
        break;
      case Quality.spike:
        counts.spike++;
        break;
      case Quality.interpolated:
        counts.interpolated++;
        break;
    }
  }
  return counts;
}

export function assertSameLength(values: Float32Array, quality: Uint8Array, what: string): void {
  if (values.length !== quality.length)
    throw new Error(
      `${what}: value column has ${values.length} samples but quality column has ${quality.length}`,
    );
}
