import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAssetJson } from '../../../core/asset/parse';
import {
  componentReadings,
  engineComponentPositions,
  tagDeviationsAt,
  tagValuesAt,
  type EngineColumns,
} from '../../../core/fleet/engine-colors';
import { componentDeviations } from '../../../core/fleet/health';

const parsed = parseAssetJson(readFileSync('assets/turbofan/asset.json', 'utf8'));
if (!parsed.ok) throw new Error('turbofan asset is invalid');
const asset = parsed.asset;

/** Two cycles of one engine: sensor k reads 100 k + cycle; T50 (4) and W31 (20) are the deviation sensors. */
const engine: EngineColumns = {
  settings: [
    [10, 35],
    [0.25, 0.84],
    [100, 60],
  ],
  sensors: Array.from({ length: 21 }, (_, k) => [100 * (k + 1) + 1, 100 * (k + 1) + 2]),
  deviations: [
    [0.3, 3.5],
    [-0.2, -6],
  ],
  deviationSensors: [4, 20],
};

describe('opened engine at one cycle', () => {
  it('reads every setting and sensor tag at the row, and the deviation of the baseline sensors', () => {
    const v = tagValuesAt(engine, 1);
    expect(v.get('altitude')).toBe(35);
    expect(v.get('tra')).toBe(60);
    expect(v.get('t2')).toBe(102);
    expect(v.get('w32')).toBe(2102);
    expect(v.size).toBe(24);
    const z = tagDeviationsAt(engine, 1);
    expect([...z]).toEqual([
      ['t50', 3.5],
      ['w31', -6],
    ]);
  });

  it('colors parts by their worst |z|, leaving parts without a deviation sensor grey (NaN)', () => {
    const dev = componentDeviations(
      asset,
      engine.deviationSensors,
      engine.deviations.map((d) => Float32Array.from(d)),
      1,
    );
    const pos = engineComponentPositions(asset, {
      mode: 'deviation',
      componentDeviation: dev,
      sensorTag: 't50',
      values: tagValuesAt(engine, 1),
      rul: 40,
      rulCap: 125,
    });
    expect(pos.get('lpt')).toBeCloseTo(3.5 / 4, 5);
    expect(pos.get('hpt')).toBe(1); // |−6| σ is past the 4 σ full scale
    expect(pos.get('nozzle')).toBeNaN();
    expect(pos.size).toBe(asset.components.length);
  });

  it('colors only the part carrying the chosen sensor, across its normal band', () => {
    const values = new Map([['t50', 1023 + (1442 - 1023) / 4]]);
    const pos = engineComponentPositions(asset, {
      mode: 'sensor',
      componentDeviation: new Map(),
      sensorTag: 't50',
      values,
      rul: null,
      rulCap: 125,
    });
    expect(pos.get('lpt')).toBeCloseTo(0.25, 5);
    expect([...pos].filter(([, t]) => !Number.isNaN(t)).map(([id]) => id)).toEqual(['lpt']);
  });

  it('colors every part by the whole engine’s RUL, grey without a prediction', () => {
    const input = {
      mode: 'rul' as const,
      componentDeviation: new Map(),
      sensorTag: '',
      values: new Map(),
      rulCap: 125,
    };
    const pos = engineComponentPositions(asset, { ...input, rul: 25 });
    expect(new Set(pos.values())).toEqual(new Set([0.8]));
    expect([...engineComponentPositions(asset, { ...input, rul: null }).values()].every(Number.isNaN)).toBe(
      true,
    );
  });

  it('lists a part’s tags with value, unit and deviation for the tooltip', () => {
    const r = componentReadings(asset, 'lpt', tagValuesAt(engine, 1), tagDeviationsAt(engine, 1));
    expect(r.map((x) => [x.instrument, x.value, x.unit, x.z])).toEqual([
      ['T50', 402, '°R', 3.5],
      ['W32', 2102, 'pps', null],
    ]);
    expect(componentReadings(asset, 'no-such-part', new Map(), new Map())).toEqual([]);
  });
});
