/**
 * The model color modes: fault-type palette and legend, remaining-useful-life scale and its hour marks, and
 * the render-loop pass that paints parts by RUL, fault type or a forecast value at +H.
 */
import * as THREE from 'three';
import { describe, expect, it } from 'vitest';
import { alarmDistance } from '../../core/asset/alarm-distance';
import { FAULT_CLASSES, RUL_CAP_HOURS } from '../../core/ml/pump/spec';
import {
  FAULT_TYPE_COLORS,
  faultClassName,
  faultTypeColor,
  faultTypeLegend,
  rulLegendTicks,
  rulPosition,
} from '../../renderer/src/scene/paint/model-colors';
import { paintScene, type ModelColorBy } from '../../renderer/src/scene/paint/painters';
import type { ForecastState } from '../../renderer/src/state/forecast-store';
import { ALARM_STYLE } from '../../renderer/src/scene/alarm-style';
import { viridisInto } from '../../renderer/src/scene/paint/colormap';
import type { SceneComponent } from '../../renderer/src/scene/bind-components';
import { initialPredictionState, type PredictionState } from '../../renderer/src/state/prediction-store';
import { pumpSkid } from '../core/whatif/helpers';

const asset = pumpSkid();
const rgb = (hex: string) => {
  const c = new THREE.Color(hex);
  return [c.r, c.g, c.b];
};
const distance = (a: string, b: string) => Math.hypot(...rgb(a).map((v, i) => v - rgb(b)[i]!));

describe('fault-type palette', () => {
  it('gives every fault class but "healthy" its own color, far from each other and from the alarm colors', () => {
    const faults = FAULT_CLASSES.filter((f) => f !== 'healthy');
    expect(faultTypeColor('healthy')).toBeNull();
    expect(faultTypeColor(null)).toBeNull();
    expect(faultTypeColor('unknown_fault')).toBeNull();
    for (const f of faults) expect(faultTypeColor(f), f).toMatch(/^#[0-9a-f]{6}$/);
    const colours = faults.map((f) => FAULT_TYPE_COLORS[f]!);
    for (let i = 0; i < colours.length; i++) {
      for (let j = i + 1; j < colours.length; j++)
        expect(distance(colours[i]!, colours[j]!), `${faults[i]} vs ${faults[j]}`).toBeGreaterThan(0.08);
      for (const [priority, alarm] of Object.entries(ALARM_STYLE))
        expect(distance(colours[i]!, alarm.color), `${faults[i]} vs alarm ${priority}`).toBeGreaterThan(0.3);
    }
  });

  it('lists only the fault types present, each once, in the model’s class order, with plant names', () => {
    const rows = faultTypeLegend(
      ['seal_leak', null, 'bearing_wear', 'seal_leak', 'healthy', 'nonsense'],
      (f) => faultClassName(asset, f),
    );
    expect(rows.map((r) => r.faultId)).toEqual(['bearing_wear', 'seal_leak']);
    expect(rows[0]).toEqual({
      faultId: 'bearing_wear',
      name: 'Pump DE bearing wear',
      color: FAULT_TYPE_COLORS.bearing_wear,
    });
    expect(faultTypeLegend([null, null], String)).toEqual([]);
    expect(faultClassName(asset, 'sensor_fault')).toBe('Sensor fault');
  });
});

describe('remaining useful life scale', () => {
  it('puts 0 h at the bright end and the cap (or more) at the dark end; no RUL is no color', () => {
    expect(rulPosition(0, 72)).toBe(1);
    expect(rulPosition(18, 72)).toBeCloseTo(0.75);
    expect(rulPosition(72, 72)).toBe(0);
    expect(rulPosition(500, 72)).toBe(0);
    expect(rulPosition(Number.NaN, 72)).toBeNaN();
  });

  it('marks the legend in hours, cap on the left to 0 h on the right', () => {
    expect(rulLegendTicks(72)).toEqual([
      { label: '72 h', at: 0 },
      { label: '48 h', at: 1 / 3 },
      { label: '24 h', at: 2 / 3 },
      { label: '0 h', at: 1 },
    ]);
    expect(() => rulLegendTicks(0)).toThrow(/RUL legend: cap 0 h/);
  });
});

/** Scene components as bindComponents makes them, one paint material each, grey base color. */
function sceneComponents(): SceneComponent[] {
  const index = new Map(asset.tags.map((t, i) => [t.id, i]));
  return asset.components.map((c) => {
    const m = new THREE.MeshStandardMaterial();
    m.userData.baseColor = new THREE.Color(0.5, 0.5, 0.5);
    const tagIndices = Int32Array.from(c.tags.map((t) => index.get(t)!));
    return {
      id: c.id,
      name: c.name,
      meshes: [],
      paint: [m],
      materials: [m],
      tagIndices,
      tags: [...tagIndices].map((i) => asset.tags[i]!),
      score: -1,
      box: new THREE.Box3(),
      centre: new THREE.Vector3(),
      top: new THREE.Vector3(),
    } as unknown as SceneComponent;
  });
}

function prediction(): PredictionState {
  const ids = asset.components.map((c) => c.id);
  const n = ids.length;
  const faultType: (string | null)[] = new Array<string | null>(n).fill(null);
  faultType[ids.indexOf('bearing_de')] = 'bearing_wear';
  const rulHours = new Float32Array(n).fill(Number.NaN);
  rulHours[ids.indexOf('bearing_de')] = 18;
  return { ...initialPredictionState(), status: 'running', components: ids, faultType, rulHours };
}

const noForecast: ForecastState = {
  status: 'running',
  message: null,
  forecast: null,
  mae: null,
  runs: 0,
  lastLatencyMs: 0,
};
const colorOf = (comps: SceneComponent[], id: string) =>
  comps.find((c) => c.id === id)!.paint[0]!.color.toArray();
const grey = [0.5, 0.5, 0.5];
const paintModelColors = (
  comps: SceneComponent[],
  colorBy: ModelColorBy,
  prediction: PredictionState,
  forecast: ForecastState,
  tagIndex: number,
  tint: THREE.Color,
) =>
  paintScene(
    comps,
    new Float32Array(asset.tags.length),
    { colorBy, tagIndex, prediction, forecast: forecast.forecast, spans: new Float32Array(), baseline: null },
    tint,
  );

describe('painting parts by a model output', () => {
  it('fault type: the DE bearing takes the bearing-wear color, healthy parts keep their grey', () => {
    const comps = sceneComponents();
    paintModelColors(comps, { mode: 'fault-type' }, prediction(), noForecast, -1, new THREE.Color());
    expect(colorOf(comps, 'bearing_de')).toEqual(new THREE.Color(FAULT_TYPE_COLORS.bearing_wear).toArray());
    expect(colorOf(comps, 'pump')).toEqual(grey);
    expect(comps.find((c) => c.id === 'bearing_de')!.score).toBe(1);
    expect(comps.find((c) => c.id === 'pump')!.score).toBe(0);
  });

  it('RUL: the part with a degrading fault on viridis by its hours, the others grey; nothing before the model runs', () => {
    const comps = sceneComponents();
    paintModelColors(comps, { mode: 'rul' }, prediction(), noForecast, -1, new THREE.Color());
    const bearing = comps.find((c) => c.id === 'bearing_de')!;
    expect(bearing.score).toBeCloseTo(1 - 18 / RUL_CAP_HOURS);
    expect(colorOf(comps, 'bearing_de')).toEqual(viridisInto(bearing.score, new THREE.Color()).toArray());
    expect(colorOf(comps, 'motor')).toEqual(grey);
    const warming = sceneComponents();
    paintModelColors(
      warming,
      { mode: 'rul' },
      { ...prediction(), status: 'warming-up' },
      noForecast,
      -1,
      new THREE.Color(),
    );
    expect(colorOf(warming, 'bearing_de')).toEqual(grey);
  });

  it('forecast at +H: only the part carrying the tag, by the predicted distance to alarm; normal stays grey', () => {
    const comps = sceneComponents();
    const k = asset.tags.findIndex((t) => t.id === 'bearing_de_temp');
    // 40 °C rising a degree a minute: normal (≤ 75 °C) at +30 min, 94 °C (past the 90 °C alarm) at +55.
    const values = asset.tags.map((_, i) => Array.from({ length: 60 }, (_, h) => (i === k ? 40 + h : null)));
    const forecast: ForecastState = {
      ...noForecast,
      forecast: { origin: 0, t: Array.from({ length: 60 }, (_, h) => (h + 1) * 60_000), values },
    };
    const at = (horizonMin: number) => ({ mode: 'forecast' as const, tagId: 'bearing_de_temp', horizonMin });
    paintModelColors(comps, at(30), prediction(), forecast, k, new THREE.Color());
    expect(comps.find((c) => c.id === 'bearing_de')!.score).toBe(0);
    expect(colorOf(comps, 'bearing_de')).toEqual(grey);
    paintModelColors(comps, at(55), prediction(), forecast, k, new THREE.Color());
    const d = alarmDistance(asset.tags[k]!, 94);
    expect(d).toBeCloseTo(1.4);
    expect(comps.find((c) => c.id === 'bearing_de')!.score).toBeCloseTo(d);
    expect(colorOf(comps, 'bearing_de')).toEqual(viridisInto(d / 2, new THREE.Color()).toArray());
    expect(colorOf(comps, 'motor')).toEqual(grey);
    paintModelColors(comps, at(55), prediction(), noForecast, k, new THREE.Color());
    expect(colorOf(comps, 'bearing_de')).toEqual(grey);
  });
});
