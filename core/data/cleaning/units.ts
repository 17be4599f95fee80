import { convert } from '../../units/units';

/**
 * Converts a value column from `fromUnit` to `toUnit` (the asset's unit for the tag), in place.
 * NaN stays NaN. Throws an error naming the column and both units when they are unknown or measure
 * different quantities.
 */
export function convertColumn(values: Float32Array, fromUnit: string, toUnit: string, column: string): void {
  if (fromUnit === toUnit) return;
  let offset: number;
  let factor: number;
  try {
    // Every unit in core/units is affine in SI, so the conversion is a·x + b.
    offset = convert(0, fromUnit, toUnit);
    factor = convert(1, fromUnit, toUnit) - offset;
  } catch (err) {
    throw new Error(
      `column "${column}": cannot convert from "${fromUnit}" to "${toUnit}": ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  for (let i = 0; i < values.length; i++) values[i] = values[i]! * factor + offset;
}
