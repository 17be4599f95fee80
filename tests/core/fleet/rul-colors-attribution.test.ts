import { describe, expect, it } from 'vitest';
import { decodeRulOutputs } from '../../../core/fleet/rul';
import { anomalyColorPosition, rulColorPosition, writeInstanceColors } from '../../../core/fleet/colors';
import { occlusionBatch, sensorDrivers } from '../../../core/fleet/attribution';
import { decodeFloat32, encodeFloat32 } from '../../../core/fleet/float-codec';
import { fleetWindows, rowAtCycle, trajectoryWindows } from '../../../core/fleet/windows';

describe('RUL outputs', () => {
  it('turns (q10, mean, q90) of RUL/cap into cycles with a σ from the 10–90 % band', () => {
    const r = decodeRulOutputs([0.2, 0.4, 0.6, -0.1, -0.05, 0.1], 2, 125);
    expect(r.mean[0]).toBeCloseTo(50, 4);
    expect(r.q10[0]).toBeCloseTo(25, 4);
    expect(r.q90[0]).toBeCloseTo(75, 4);
    // 50 cycles between the quantiles is 2 × 1.2816 σ.
    expect(r.std[0]).toBeCloseTo(19.506, 2);
    expect(r.mean[1]).toBe(0);
    expect(r.q10[1]).toBe(0);
    expect(r.q90[1]).toBeCloseTo(12.5, 4);
  });

  it('caps every cycle of a trajectory at the RUL cap, like the predictions (issue #17, problem 10)', () => {
    // Early cycles lie outside the training data: the raw output spiked to ~350 cycles there.
    const r = decodeRulOutputs([2.4, 2.8, 3.1, 0.9, 1.02, 1.2, 0.3, 0.4, 0.5], 3, 125);
    expect(Array.from(r.mean)).toEqual([125, 125, 50]);
    expect(Array.from(r.q90)).toEqual([125, 125, expect.closeTo(62.5, 4)]);
    expect(r.q10[0]).toBe(125);
    expect(r.q10[1]).toBeCloseTo(112.5, 4);
    expect(Math.max(...r.mean, ...r.q10, ...r.q90)).toBeLessThanOrEqual(125);
  });

  it('never reports a negative σ when the quantiles cross', () => {
    const r = decodeRulOutputs([0.6, 0.4, 0.2], 1, 100);
    expect(r.std[0]).toBe(0);
    expect(() => decodeRulOutputs([1, 2], 1, 100)).toThrow(/returned 2 values for 1 engines/);
  });
});

describe('color positions', () => {
  it('puts short remaining life and large deviation at the alarm end', () => {
    expect(rulColorPosition(0, 125)).toBe(1);
    expect(rulColorPosition(125, 125)).toBe(0);
    expect(rulColorPosition(200, 125)).toBe(0);
    expect(rulColorPosition(62.5, 125)).toBeCloseTo(0.5);
    expect(rulColorPosition(null, 125)).toBeNaN();
    expect(anomalyColorPosition(0)).toBe(0);
    expect(anomalyColorPosition(10)).toBe(1);
  });

  it('writes instance colors from the lookup table, grey where there is no value', () => {
    const lut = new Float32Array([0, 0, 0, 0.5, 0.5, 0.5, 1, 0.9, 0.8]);
    const out = new Float32Array(9);
    writeInstanceColors([0, 1, Number.NaN], lut, [0.3, 0.3, 0.3], out);
    expect([...out]).toEqual([0, 0, 0, 1, 0.9, 0.8, 0.3, 0.3, 0.3].map((v) => Math.fround(v)));
  });
});

describe('windows', () => {
  const F = 2;
  const engine = (unit: number, rows: number) => ({
    unit,
    rows,
    data: Float32Array.from({ length: rows * F }, (_, i) => unit * 100 + Math.floor(i / F)),
  });

  it('ends each window at the cursor cycle, or the last cycle for engines that ended earlier', () => {
    expect(rowAtCycle(10, null)).toBe(9);
    expect(rowAtCycle(10, 4)).toBe(3);
    expect(rowAtCycle(10, 50)).toBe(9);
    const x = fleetWindows([engine(1, 5), engine(2, 2)], F, 3, 4);
    // Engine 1 at cycle 4: rows 1, 2, 3; engine 2 ended at row 1 and is left-padded with row 0.
    expect([...x.subarray(0, 6)]).toEqual([101, 101, 102, 102, 103, 103]);
    expect([...x.subarray(6, 12)]).toEqual([200, 200, 200, 200, 201, 201]);
  });

  it('builds one window per cycle for an RUL trajectory and rejects mismatched data', () => {
    const t = trajectoryWindows(engine(3, 3), F, 2);
    expect(t.length).toBe(3 * 2 * F);
    expect([...t.subarray(8, 12)]).toEqual([301, 301, 302, 302]);
    expect(() => fleetWindows([{ unit: 9, rows: 3, data: new Float32Array(5) }], F, 2, null)).toThrow(
      /engine 9: 5 feature values for 3 rows/,
    );
  });
});

describe('sensor drivers by occlusion', () => {
  it('zeroes one sensor channel per copy and keeps the others', () => {
    const w = Float32Array.from([1, 2, 9, 3, 4, 9]); // W = 2, F = 3 (2 sensors + 1 regime channel)
    const b = occlusionBatch(w, 2, 3, 2);
    expect([...b.subarray(0, 6)]).toEqual([1, 2, 9, 3, 4, 9]);
    expect([...b.subarray(6, 12)]).toEqual([0, 2, 9, 0, 4, 9]);
    expect([...b.subarray(12, 18)]).toEqual([1, 0, 9, 3, 0, 9]);
  });

  it('ranks sensors by how many cycles of life they take away', () => {
    const d = sensorDrivers([40, 42, 65, 35], ['T24', 'T50', 'Ps30']);
    expect(d.map((x) => x.name)).toEqual(['T50', 'Ps30', 'T24']);
    expect(d[0]!.cycles).toBe(25);
    expect(d[1]!.cycles).toBe(-5);
    expect(() => sensorDrivers([1, 2], ['a', 'b'])).toThrow(/expected 3 predictions/);
  });
});

describe('float codec', () => {
  it('round-trips float32 values exactly, including the last partial chunk', () => {
    const v = Float32Array.from({ length: 40_001 }, (_, i) => Math.sin(i) * 1e3);
    expect(decodeFloat32(encodeFloat32(v))).toEqual(v);
    expect(decodeFloat32(encodeFloat32(v.subarray(5, 9)))).toEqual(v.slice(5, 9));
  });
});
