/**
 * Reading the live forecast: a tag's value at +H (the color mode), the band forecast ± the card's test MAE on
 * the Selection chart, and the setpoints held over the horizon; and the health model's "why" mapped to parts.
 */
import { describe, expect, it } from 'vitest';
import { HORIZON, PUMP_CONTROLS } from '../../core/ml/pump/spec';
import { heldSetpoints } from '../../renderer/src/predictions/forecast-loop';
import type { LiveForecast } from '../../renderer/src/state/forecast-store';
import { forecastBand, maeAt, mergeWithBand, valueAtHorizon } from '../../renderer/src/state/forecast-values';
import { MIN_WHY_WEIGHT, whyEntries, whyParts } from '../../renderer/src/state/why';
import { pumpSkid } from '../core/whatif/helpers';

const asset = pumpSkid();
const T0 = Date.UTC(2026, 0, 1, 8, 0, 0);
const k = asset.tags.findIndex((t) => t.id === 'flow');

/** Flow forecast 100, 101, … m³/h for steps 1…60; every other tag unpredicted. */
const forecast: LiveForecast = {
  origin: T0,
  t: Array.from({ length: HORIZON }, (_, h) => T0 + (h + 1) * 60_000),
  values: asset.tags.map((_, i) => Array.from({ length: HORIZON }, (_, h) => (i === k ? 100 + h : null))),
};
const card = { '1': { flow: 4 }, '10': { flow: 6 }, '30': { flow: 10 }, '60': { flow: 16 } };

describe('value at +H', () => {
  it('reads the step H minutes ahead', () => {
    expect(valueAtHorizon(forecast, k, 1)).toBe(100);
    expect(valueAtHorizon(forecast, k, 15)).toBe(114);
    expect(valueAtHorizon(forecast, k, 60)).toBe(159);
  });

  it('is null without a forecast, for unpredicted tags, and outside the horizon', () => {
    expect(valueAtHorizon(null, k, 15)).toBeNull();
    expect(valueAtHorizon(forecast, k === 0 ? 1 : 0, 15)).toBeNull();
    expect(valueAtHorizon(forecast, k, 61)).toBeNull();
    expect(valueAtHorizon(forecast, k, 0)).toBeNull();
    expect(valueAtHorizon(forecast, k, 1.5)).toBeNull();
  });
});

describe('forecast band', () => {
  it('takes the card’s MAE at reported horizons and interpolates between them', () => {
    expect(maeAt(card, 'flow', 1)).toBe(4);
    expect(maeAt(card, 'flow', 20)).toBe(8);
    expect(maeAt(card, 'flow', 45)).toBe(13);
    expect(maeAt(card, 'flow', 60)).toBe(16);
    expect(maeAt({ '10': { flow: 6 }, '30': { flow: 10 } }, 'flow', 1)).toBe(6);
    expect(maeAt(card, 'tank_level', 10)).toBeNull();
  });

  it('is the forecast ± MAE per step on the chart’s seconds axis, as far as asked', () => {
    const band = forecastBand(forecast, k, 'flow', card, 30)!;
    expect(band.x).toHaveLength(30);
    expect(band.x[0]).toBe((T0 + 60_000) / 1000);
    expect(band.mid[9]).toBe(109);
    expect(band.lo[9]).toBe(109 - 6);
    expect(band.hi[19]).toBe(119 + 8);
    expect(forecastBand(forecast, k, 'flow', null, 30)).toBeNull();
    expect(forecastBand(null, k, 'flow', card, 30)).toBeNull();
    expect(forecastBand(forecast, k, 'tank_level', card, 30)).toBeNull();
  });

  it('follows the history right of its newest sample, on one aligned x axis', () => {
    const band = forecastBand(forecast, k, 'flow', card, 3)!;
    // The history's newest sample is 90 s after the forecast origin: step 1 is already past, so it is left out.
    const history = { x: [T0 / 1000, (T0 + 90_000) / 1000], y: [99, null] };
    const [x, actual, mid, lo, hi] = mergeWithBand(history, band);
    expect(x).toEqual([T0 / 1000, (T0 + 90_000) / 1000, (T0 + 120_000) / 1000, (T0 + 180_000) / 1000]);
    expect(actual).toEqual([99, null, null, null]);
    expect(mid).toEqual([null, null, 101, 102]);
    expect(lo.slice(0, 2)).toEqual([null, null]);
    expect(lo[2]).toBeCloseTo(101 - 4 - (2 / 9) * 1, 9);
    expect(hi[3]).toBeCloseTo(102 + 4 + (2 / 9) * 2, 9);
    expect(mergeWithBand(history, null)).toEqual([
      history.x,
      history.y,
      [null, null],
      [null, null],
      [null, null],
    ]);
  });
});

describe('setpoints held over the horizon', () => {
  it('repeats the current setpoints for every step and names a missing one', () => {
    const now = Object.fromEntries(PUMP_CONTROLS.map((id, j) => [id, 10 + j]));
    const held = heldSetpoints(now);
    expect(held).toHaveLength(HORIZON * PUMP_CONTROLS.length);
    expect(held[(HORIZON - 1) * PUMP_CONTROLS.length + 1]).toBe(11);
    expect(() => heldSetpoints({})).toThrow(`current setpoints: "${PUMP_CONTROLS[0]}" is missing`);
  });
});

describe('why, on the parts', () => {
  const components = asset.components.map((c) => c.id);
  const influences = components.map(() => [] as { tagId: string; weight: number }[]);
  influences[components.indexOf('bearing_de')] = [
    { tagId: 'bearing_de_temp', weight: 2 },
    { tagId: 'flow', weight: 0.5 },
    { tagId: 'bearing_de_envelope', weight: 3 },
    { tagId: 'motor_current', weight: MIN_WHY_WEIGHT / 2 },
  ];

  it('keeps the tags that move the score and names the part each belongs to', () => {
    const entries = whyEntries(asset, components, influences, 'bearing_de');
    expect(entries.map((e) => [e.tagId, e.componentId])).toEqual([
      ['bearing_de_temp', 'bearing_de'],
      ['flow', 'discharge_pipe'],
      ['bearing_de_envelope', 'bearing_de'],
    ]);
    expect(whyEntries(asset, components, influences, 'motor')).toEqual([]);
    expect(whyEntries(asset, components, influences, null)).toEqual([]);
    expect(whyEntries(asset, components, null, 'bearing_de')).toEqual([]);
  });

  it('highlights each part once, with its strongest tag, strongest part first', () => {
    const parts = whyParts(whyEntries(asset, components, influences, 'bearing_de'));
    expect([...parts]).toEqual([
      ['bearing_de', 3],
      ['discharge_pipe', 0.5],
    ]);
  });
});
