import { describe, expect, it } from 'vitest';
import { alarmDistance, TRIP_DISTANCE } from '../../../core/asset/alarm-distance';
import type { TagDefinition } from '../../../core/asset/schema';
import { pumpSkid } from '../whatif/helpers';

const asset = pumpSkid();
const tag = (id: string) => asset.tags.find((t) => t.id === id)!;

describe('distance to alarm', () => {
  it('uses the span between alarm and trip: 7.4 mm/s is far past the 2.8 mm/s alarm, not the same colour', () => {
    const vt211 = tag('bearing_de_vibration'); // alarm 2.8, trip 8.5 mm/s
    expect(alarmDistance(vt211, 2.8)).toBe(1);
    expect(alarmDistance(vt211, 8.5)).toBe(TRIP_DISTANCE);
    expect(alarmDistance(vt211, 7.4)).toBeCloseTo(1 + 4.6 / 5.7);
    expect(alarmDistance(vt211, 7.4) - alarmDistance(vt211, 2.8)).toBeGreaterThan(0.75);
  });

  it('is 0 in the normal band, 1 at the alarm, 2 at the trip, on both sides', () => {
    const current = tag('motor_current'); // normal 40–134 A, alarm 140, trip 155
    expect(alarmDistance(current, 100)).toBe(0);
    expect(alarmDistance(current, 137)).toBeCloseTo(0.5);
    expect(alarmDistance(current, 140)).toBe(1);
    expect(alarmDistance(current, 147.5)).toBeCloseTo(1.5);
    expect(alarmDistance(current, 170)).toBeCloseTo(3);
    const level = tag('tank_level'); // normal 1–4 m, alarm low 0.8, trip low 0.5
    expect(alarmDistance(level, 0.9)).toBeCloseTo(0.5);
    expect(alarmDistance(level, 0.65)).toBeCloseTo(1.5);
    expect(alarmDistance(level, Number.NaN)).toBeNaN();
  });

  it('spans normal to trip with a trip only, and goes on past an alarm without a trip', () => {
    const tripOnly: TagDefinition = {
      ...tag('motor_current'),
      normal: [0, 10],
      alarm: undefined,
      trip: { high: 20 },
    };
    expect(alarmDistance(tripOnly, 15)).toBeCloseTo(1);
    expect(alarmDistance(tripOnly, 20)).toBe(2);
    const sealTemp = tag('seal_temp'); // normal 20–70 °C, alarm 85, no trip
    expect(alarmDistance(sealTemp, 85)).toBe(1);
    expect(alarmDistance(sealTemp, 100)).toBeCloseTo(2);
  });
});
