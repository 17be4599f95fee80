import { mulberry32, shuffleInPlace } from '../../random/rng';

/** Splits unit numbers into train and validation sets by unit (no unit in both). */
export function splitUnits(
  unitIds: readonly number[],
  valFraction: number,
  seed: number,
): { train: number[]; val: number[] } {
  const ids = shuffleInPlace([...unitIds], mulberry32(seed));
  const nVal = Math.max(1, Math.round(ids.length * valFraction));
  const val = ids.slice(0, nVal).sort((a, b) => a - b);
  const train = ids.slice(nVal).sort((a, b) => a - b);
  return { train, val };
}
