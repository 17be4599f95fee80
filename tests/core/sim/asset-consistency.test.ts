import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  createPumpSkidSimulator,
  PLANT_FAULT_IDS,
  PUMP_SKID_CONTROLS,
  PUMP_SKID_TAG_IDS,
  SENSOR_FAULT_IDS,
} from '../../../core/sim';
import { SENSOR_SPECS } from '../../../core/sim/sensors';
import { SIMULATOR_SIGNAL_QUANTITIES } from '../../../core/asset/simulator-signals';
import { unitInfo } from '../../../core/units/units';

interface AssetJson {
  tags: {
    id: string;
    unit: string;
    range: [number, number];
    normal: [number, number];
    alarm?: { low?: number; high?: number };
  }[];
  controls: { id: string; min: number; max: number; rate: number; default: number }[];
  faults: { id: string; targetsTag: boolean }[];
}

const asset = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../../assets/pump-skid/asset.json', import.meta.url)), 'utf8'),
) as AssetJson;

describe('simulator constants agree with assets/pump-skid/asset.json', () => {
  it('has the same tag ids in the same order', () => {
    expect([...PUMP_SKID_TAG_IDS]).toEqual(asset.tags.map((t) => t.id));
  });

  it('models each sensor over the tag range', () => {
    asset.tags.forEach((t, i) => expect(SENSOR_SPECS[i]?.range, t.id).toEqual(t.range));
  });

  it('has the same controls, limits, rates and defaults', () => {
    expect(PUMP_SKID_CONTROLS.map((c) => ({ ...c }))).toEqual(
      asset.controls.map((c) => ({ id: c.id, min: c.min, max: c.max, rate: c.rate, default: c.default })),
    );
  });

  it('knows every fault, sensor faults being the ones that target a tag', () => {
    expect([...PLANT_FAULT_IDS, ...SENSOR_FAULT_IDS].sort()).toEqual(asset.faults.map((f) => f.id).sort());
    expect([...SENSOR_FAULT_IDS].sort()).toEqual(
      asset.faults
        .filter((f) => f.targetsTag)
        .map((f) => f.id)
        .sort(),
    );
  });
});

describe('healthy plant against the asset limits', () => {
  it('raises no alarm and stays (almost always) in its normal bands through a simulated year', () => {
    const sim = createPumpSkidSimulator({ seed: 3 });
    const buf = new Float32Array(sim.tagIds.length);
    const outside: Record<string, number> = {};
    const alarms: Record<string, number> = {};
    for (let i = 0; i < 365 * 24 * 6; i++) {
      sim.step(600);
      sim.sample(buf);
      asset.tags.forEach((t, k) => {
        const v = buf[k] ?? NaN;
        if (!(v >= (t.alarm?.low ?? -Infinity) && v <= (t.alarm?.high ?? Infinity)))
          alarms[t.id] = (alarms[t.id] ?? 0) + 1;
        if (!(v >= t.normal[0] && v <= t.normal[1])) outside[t.id] = (outside[t.id] ?? 0) + 1;
      });
    }
    expect(alarms).toEqual({});
    // Weather may push a reading briefly past its band: allow 0.5 % of samples.
    for (const [id, n] of Object.entries(outside)) expect(n, id).toBeLessThan(0.005 * 365 * 24 * 6);
  });
});

describe('simulator signal quantities (core/asset/simulator-signals.ts)', () => {
  it('name a quantity for every pump-skid signal, the one its unit in the asset measures', () => {
    const quantities = SIMULATOR_SIGNAL_QUANTITIES['pump-skid'] ?? {};
    expect(Object.keys(quantities)).toEqual([...PUMP_SKID_TAG_IDS]);
    for (const t of asset.tags) expect(unitInfo(t.unit).quantity, t.id).toBe(quantities[t.id]);
  });
});
