import type { TagDefinition } from './schema';

/** Distance to alarm at the trip limit: the top of its colour scale, with the alarm limit halfway. */
export const TRIP_DISTANCE = 2;

/**
 * How close a value is to its limits: 0 inside the normal band, 1 at the alarm limit, 2 at the trip limit,
 * above 2 beyond it. The span between alarm and trip is the upper half of the scale, so a value far past its
 * alarm does not look like one just at it. With a trip and no alarm, 0 to 2 spans the normal edge to the trip;
 * with an alarm and no trip, the alarm's span goes on past it. A limit set inside the normal band ends the
 * band there. NaN stays NaN.
 */
export function alarmDistance(tag: TagDefinition, value: number): number {
  if (!Number.isFinite(value)) return Number.NaN;
  const [normalLow, normalHigh] = tag.normal;
  const band = Math.max(normalHigh - normalLow, Number.EPSILON);
  // The low side is the high side seen in a mirror; a value is beyond at most one of them.
  const flip = (x: number | undefined) => (x === undefined ? undefined : -x);
  return Math.max(
    beyondEdge(value, normalHigh, tag.alarm?.high, tag.trip?.high, band),
    beyondEdge(-value, -normalLow, flip(tag.alarm?.low), flip(tag.trip?.low), band),
  );
}

/** Distance of `value` above the high edge of a normal band `band` wide, with its alarm and trip limits. */
function beyondEdge(
  value: number,
  normalHigh: number,
  alarm: number | undefined,
  trip: number | undefined,
  band: number,
): number {
  const edge = Math.min(normalHigh, alarm ?? Infinity, trip ?? Infinity);
  const tripSpan = (from: number) => (trip !== undefined && trip > from ? trip - from : undefined);
  if (alarm !== undefined && alarm <= edge) {
    // An alarm set inside the normal band ends the band: at it the distance is 1.
    return value < alarm ? 0 : 1 + (value - alarm) / (tripSpan(alarm) ?? band);
  }
  if (value <= edge) return 0;
  if (alarm !== undefined) {
    const toTrip = tripSpan(alarm);
    return toTrip !== undefined && value > alarm
      ? 1 + (value - alarm) / toTrip
      : (value - edge) / (alarm - edge);
  }
  const toTrip = tripSpan(edge);
  return toTrip === undefined ? 0 : (TRIP_DISTANCE * (value - edge)) / toTrip;
}

/** Position of a value within the tag's display span (normal low .. trip or alarm high), 0..1. */
export function valueFraction(tag: TagDefinition, value: number): number {
  if (!Number.isFinite(value)) return Number.NaN;
  const low = Math.min(tag.normal[0], tag.alarm?.low ?? tag.normal[0], tag.trip?.low ?? tag.normal[0]);
  const high = Math.max(tag.normal[1], tag.alarm?.high ?? tag.normal[1], tag.trip?.high ?? tag.normal[1]);
  if (high <= low) return 0;
  return Math.min(1, Math.max(0, (value - low) / (high - low)));
}
