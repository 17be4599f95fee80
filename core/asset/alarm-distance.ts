import type { TagDefinition } from './schema';

/**
 * How close a value is to its nearest alarm limit: 0 inside the normal band, 1 at the alarm limit
 * (or trip limit where no alarm is set), above 1 beyond it. NaN stays NaN.
 */
export function alarmDistance(tag: TagDefinition, value: number): number {
  if (!Number.isFinite(value)) return Number.NaN;
  const [normalLow, normalHigh] = tag.normal;
  const highLimit = tag.alarm?.high ?? tag.trip?.high;
  const lowLimit = tag.alarm?.low ?? tag.trip?.low;
  if (value > normalHigh) {
    if (highLimit === undefined || highLimit <= normalHigh) return 0;
    return (value - normalHigh) / (highLimit - normalHigh);
  }
  if (value < normalLow) {
    if (lowLimit === undefined || lowLimit >= normalLow) return 0;
    return (normalLow - value) / (normalLow - lowLimit);
  }
  return 0;
}

/** Position of a value within the tag's display span (normal low .. trip or alarm high), 0..1. */
export function valueFraction(tag: TagDefinition, value: number): number {
  if (!Number.isFinite(value)) return Number.NaN;
  const low = Math.min(tag.normal[0], tag.alarm?.low ?? tag.normal[0], tag.trip?.low ?? tag.normal[0]);
  const high = Math.max(tag.normal[1], tag.alarm?.high ?? tag.normal[1], tag.trip?.high ?? tag.normal[1]);
  if (high <= low) return 0;
  return Math.min(1, Math.max(0, (value - low) / (high - low)));
}
