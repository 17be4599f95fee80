import { describe, expect, it } from 'vitest';
import { cloneFrame, createFrame, type SampleFrame } from '../../../../core/data/frame';
import { Quality } from '../../../../core/data/quality';
import {
  BASELINE_FEATURES,
  baselineFeatures,
  baselineFeaturesOfTag,
  fitBaselineScale,
} from '../../../../core/ml/pump/baseline';
import {
  BALANCE_CHANNELS,
  PAST_VALUE_CHANNELS,
  PUMP_TAGS,
  WINDOW_LENGTH,
} from '../../../../core/ml/pump/spec';
import { occlusionBaselineBatch } from '../../../../core/ml/pump/why';
import { mulberry32 } from '../../../../core/random/rng';

const B = BALANCE_CHANNELS.length;
const HEAD = BALANCE_CHANNELS.indexOf('head_balance');

/** A frame whose balances are unit noise; `drift(r)` is added to head_balance at row r. */
function balanceFrame(rows: number, seed: number, drift: (r: number) => number = () => 0): SampleFrame {
  const frame = createFrame(PAST_VALUE_CHANNELS, rows);
  const rand = mulberry32(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  BALANCE_CHANNELS.forEach((id, b) => {
    const c = frame.tagIds.indexOf(id);
    for (let r = 0; r < rows; r++) {
      frame.values[c]![r] = normal() + (b === HEAD ? drift(r) : 0);
      frame.quality[c]![r] = Quality.good;
    }
  });
  return frame;
}

const scale = fitBaselineScale([balanceFrame(2000, 1)], 6);

describe('long baseline of the health model', () => {
  it('reads a balance that drifts away from its own level as a growing deviation, and steady ones as about zero', () => {
    const frame = balanceFrame(900, 2, (r) => (r > 300 ? 0.01 * (r - 300) : 0));
    const early = baselineFeatures(frame, 0, 400, scale);
    const late = baselineFeatures(frame, 0, 899, scale);
    expect(late[HEAD]!).toBeGreaterThan(8);
    expect(late[HEAD]!).toBeGreaterThan(early[HEAD]! + 4);
    for (let b = 0; b < B; b++) {
      expect(late[B + b], `${BALANCE_CHANNELS[b]} flag`).toBe(1);
      if (b !== HEAD) expect(Math.abs(late[b]!), BALANCE_CHANNELS[b]).toBeLessThan(4);
    }
    expect(late[2 * B]).toBeCloseTo(1, 5);
  });

  it('gives no deviation and flags 0 without an hour of history before the window', () => {
    const frame = balanceFrame(900, 3, (r) => 0.05 * r);
    const justStarted = baselineFeatures(frame, 0, WINDOW_LENGTH + 30, scale);
    const startedInside = baselineFeatures(frame, 850 - WINDOW_LENGTH, 899, scale);
    for (const f of [justStarted, startedInside]) {
      expect(f.length).toBe(BASELINE_FEATURES);
      expect(Array.from(f.subarray(0, 2 * B))).toEqual(new Array<number>(2 * B).fill(0));
    }
    expect(startedInside[2 * B]).toBeCloseTo(50 / 720, 5);
  });

  it('is causal: rows after the window end change nothing', () => {
    const frame = balanceFrame(900, 4);
    const changed = cloneFrame(frame);
    const c = changed.tagIds.indexOf('head_balance');
    for (let r = 601; r < 900; r++) changed.values[c]![r] = 1000;
    expect(baselineFeatures(changed, 0, 600, scale)).toEqual(baselineFeatures(frame, 0, 600, scale));
  });

  it('leaves out samples that are not good', () => {
    const frame = balanceFrame(900, 5);
    const bad = cloneFrame(frame);
    const c = bad.tagIds.indexOf('head_balance');
    for (let r = 100; r < 400; r += 2) {
      bad.values[c]![r] = 1e6;
      bad.quality[c]![r] = Quality.spike;
    }
    expect(Math.abs(baselineFeatures(bad, 0, 899, scale)[HEAD]!)).toBeLessThan(4);
  });

  it("takes a sensor's balances out of the baseline when the why occludes that sensor", () => {
    const f = baselineFeatures(
      balanceFrame(900, 6, (r) => 0.01 * r),
      0,
      899,
      scale,
    );
    expect(baselineFeaturesOfTag('discharge_pressure')).toEqual([HEAD, B + HEAD]);
    const batch = occlusionBaselineBatch(f);
    const row = (j: number) => batch.subarray(j * BASELINE_FEATURES, (j + 1) * BASELINE_FEATURES);
    expect(row(0)).toEqual(f);
    const discharge = 1 + PUMP_TAGS.indexOf('discharge_pressure');
    expect(row(discharge)[HEAD]).toBe(0);
    expect(row(discharge)[B + HEAD]).toBe(0);
    expect(Array.from(row(discharge)).filter((v, k) => v !== f[k]).length).toBe(2);
  });

  it('refuses a scale that does not match the balances', () => {
    expect(() => baselineFeatures(balanceFrame(100, 7), 0, 99, [1, 2])).toThrow(/2 scales for 10 balances/);
  });
});
