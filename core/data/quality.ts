/** Quality code of one sample, stored as a Uint8. */
export const Quality = {
  good: 0,
  /** Filled in by bounded interpolation over a short gap. */
  interpolated: 1,
  /** Outside the sensor's physical range. */
  outOfRange: 2,
  /** NaN, Inf or missing. */
  missing: 3,
  /** Sensor reads the same value for too long. */
  stuck: 4,
  /** Isolated spike removed by a Hampel filter. */
  spike: 5,
  /** Live source: no update for longer than the tag's staleAfterS, or its edge node / device died. */
  stale: 6,
  /** Live source said the value is bad (OPC UA Bad status). */
  sourceBad: 7,
  /** Live source said the value is uncertain (OPC UA Uncertain status); the value is kept. */
  uncertain: 8,
} as const;

export type QualityCode = (typeof Quality)[keyof typeof Quality];

export const qualityLabel: Record<number, string> = {
  0: 'good',
  1: 'interpolated',
  2: 'out of range',
  3: 'missing',
  4: 'stuck',
  5: 'spike',
  6: 'stale',
  7: 'bad at source',
  8: 'uncertain',
};

export function isGood(q: number): boolean {
  return q === Quality.good || q === Quality.interpolated;
}
