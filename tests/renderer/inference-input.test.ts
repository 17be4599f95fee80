import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { HistoryGrid } from '../../core/api/domains/history';
import { parseAsset } from '../../core/asset/parse';
import { BASELINE_FEATURES, BASELINE_HISTORY_ROWS, BASELINE_ROWS } from '../../core/ml/pump/baseline';
import { liveWindow, pumpFrame } from '../../core/ml/pump/features';
import {
  BALANCE_CHANNELS,
  channelsOfTag,
  PAST_CHANNELS,
  PAST_VALUE_CHANNELS,
  PUMP_CONTROLS,
  PUMP_TAGS,
  WINDOW_LENGTH,
} from '../../core/ml/pump/spec';
import type { HealthModelInputs } from '../../renderer/src/models/health-inputs';
import {
  buildHealthBatch,
  decodeHealth,
  healthBatchFromGrid,
  rulFromLog,
  statsFromCard,
} from '../../renderer/src/models/pump-health';
import { resampleRing } from '../../renderer/src/state/ring-window';
import { TelemetryRing } from '../../renderer/src/state/telemetry-ring';

const card = JSON.parse(readFileSync('tests/fixtures/models/pump-health-standin/model-card.json', 'utf8'));
const stats = statsFromCard(card, 'model-card.json');
/** A version from before the long baseline: the window is its only input. */
const windowOnly: HealthModelInputs = { stats, inputCount: 1 };
/** The current model: the window and its long baseline (deviations in units of 1). */
const withBaseline: HealthModelInputs = {
  stats,
  baseline: { scale: BALANCE_CHANNELS.map(() => 1) },
  inputCount: 2,
};
const B = BALANCE_CHANNELS.length;
/** The availability flag of every balance in a baseline row. */
const flagsOf = (baseline: Float32Array, row = 0) => [
  ...baseline.subarray(row * BASELINE_FEATURES + B, row * BASELINE_FEATURES + 2 * B),
];

function loadAsset() {
  const result = parseAsset(JSON.parse(readFileSync('assets/pump-skid/asset.json', 'utf8')));
  if (!result.ok) throw new Error('assets/pump-skid/asset.json does not parse');
  return result.asset;
}

/** A ring with one sample per second for `seconds`, every tag at `value(tag, t)`. */
function ringOf(tagCount: number, seconds: number, value: (k: number, t: number) => number): TelemetryRing {
  const ring = new TelemetryRing(tagCount, 3600);
  const t = Array.from({ length: seconds }, (_, s) => 1_000_000 + s * 1000);
  ring.push({
    assetId: 'a',
    t,
    values: Array.from({ length: tagCount }, (_, k) => t.map((ts) => value(k, ts))),
    quality: Array.from({ length: tagCount }, () => t.map(() => 0)),
  });
  return ring;
}

describe('live model input', () => {
  it('resamples the ring onto the model’s one-minute grid, NaN before the history starts', () => {
    const ring = ringOf(2, 300, (k, t) => k * 1000 + (t - 1_000_000) / 1000);
    const grid = resampleRing(ring, ring.lastTime, 8, 60_000);
    // Last row = newest sample (299 s); one minute per row back; rows older than the history are NaN.
    expect([...grid.subarray(14, 16)]).toEqual([299, 1299]);
    expect(grid[12]).toBe(239);
    expect(grid[6]).toBe(59);
    expect(Number.isNaN(grid[0]!)).toBe(true);
  });

  it('builds the plant row with the training pipeline’s own functions, plus one occluded row per tag', () => {
    const asset = loadAsset();
    const ring = ringOf(asset.tags.length, 3000, (k) => {
      const tag = asset.tags[k]!;
      return (tag.normal[0] + tag.normal[1]) / 2;
    });
    const controls = { speed_setpoint: 50, valve_setpoint: 80 };
    const inputs = buildHealthBatch(ring, asset, controls, windowOnly, true);
    expect(inputs).toHaveLength(1);
    const batch = inputs[0]!;
    expect(batch.shape).toEqual([1 + PUMP_TAGS.length, WINDOW_LENGTH, PAST_CHANNELS]);
    const per = WINDOW_LENGTH * PAST_CHANNELS;
    // Row 0 is exactly what core/ml/pump liveWindow makes of the same raw minutes.
    const grid = resampleRing(ring, ring.lastTime, WINDOW_LENGTH, 60_000);
    const tags = new Float32Array(WINDOW_LENGTH * PUMP_TAGS.length);
    PUMP_TAGS.forEach((id, j) => {
      const k = asset.tags.findIndex((t) => t.id === id);
      for (let r = 0; r < WINDOW_LENGTH; r++)
        tags[r * PUMP_TAGS.length + j] = grid[r * asset.tags.length + k]!;
    });
    const C = PUMP_CONTROLS.length;
    const setpoints = new Float32Array(WINDOW_LENGTH * C).map(
      (_, i) => (controls as Record<string, number>)[PUMP_CONTROLS[i % C]!] ?? Number.NaN,
    );
    const expected = liveWindow(
      pumpFrame(tags, setpoints, WINDOW_LENGTH, asset.tags, ring.lastTime / 1000),
      stats,
    );
    expect(batch.data.subarray(0, per)).toEqual(expected);
    // Occluded row for tag 3: its value and mask channels, and those of every channel derived from it,
    // are 0 at every step; all other channels are unchanged.
    const V = PAST_VALUE_CHANNELS.length;
    const row = batch.data.subarray(4 * per, 5 * per);
    const blanked = new Set(channelsOfTag(PUMP_TAGS[3]!));
    expect(blanked.has(3)).toBe(true);
    for (let s = 0; s < WINDOW_LENGTH; s++)
      for (let c = 0; c < V; c++) {
        const want = (i: number) => (blanked.has(c) ? 0 : expected[s * PAST_CHANNELS + i]);
        expect(row[s * PAST_CHANNELS + c]).toBe(want(c));
        expect(row[s * PAST_CHANNELS + V + c]).toBe(want(V + c));
      }
    expect(buildHealthBatch(ring, asset, controls, windowOnly, false)[0]!.shape[0]).toBe(1);
  });
});

describe('long baseline input', () => {
  const asset = loadAsset();
  const n = asset.tags.length;
  const C = PUMP_CONTROLS.length;
  const controls = { speed_setpoint: 50, valve_setpoint: 80, level_setpoint: 2.5 };
  const END = Date.UTC(2026, 0, 1, 12);
  /** `rows` one-minute rows of every tag in its normal band with a little wobble, setpoints as `controls`. */
  function gridOf(rows: number): { values: Float32Array; setpoints: Float32Array } {
    const values = new Float32Array(rows * n);
    for (let r = 0; r < rows; r++)
      asset.tags.forEach((t, k) => {
        const span = t.normal[1] - t.normal[0];
        values[r * n + k] = t.normal[0] + span * (0.5 + 0.01 * (((r * 7 + k) % 5) - 2));
      });
    const setpoints = new Float32Array(rows * C).map(
      (_, i) => (controls as Record<string, number>)[PUMP_CONTROLS[i % C]!] ?? Number.NaN,
    );
    return { values, setpoints };
  }

  it('is available from 12 h of rows before the window and unavailable from the window alone', () => {
    const long = gridOf(BASELINE_HISTORY_ROWS);
    const inputs = healthBatchFromGrid(long.values, long.setpoints, asset, END, withBaseline, false);
    expect(inputs.map((x) => x.shape)).toEqual([
      [1, WINDOW_LENGTH, PAST_CHANNELS],
      [1, BASELINE_FEATURES],
    ]);
    expect(flagsOf(inputs[1]!.data)).toEqual(BALANCE_CHANNELS.map(() => 1));
    expect(inputs[1]!.data[2 * B]).toBe(1); // all 12 h of baseline used
    const short = gridOf(WINDOW_LENGTH);
    const alone = healthBatchFromGrid(short.values, short.setpoints, asset, END, withBaseline, false);
    expect(flagsOf(alone[1]!.data)).toEqual(BALANCE_CHANNELS.map(() => 0));
    expect(alone[1]!.data[2 * B]).toBe(0);
  });

  it('rides along with the occluded rows, in their order, for the "why"', () => {
    const { values, setpoints } = gridOf(BASELINE_HISTORY_ROWS);
    const plain = healthBatchFromGrid(values, setpoints, asset, END, withBaseline, false);
    const [window, baseline] = healthBatchFromGrid(values, setpoints, asset, END, withBaseline, true);
    expect(window!.shape).toEqual([1 + PUMP_TAGS.length, WINDOW_LENGTH, PAST_CHANNELS]);
    expect(baseline!.shape).toEqual([1 + PUMP_TAGS.length, BASELINE_FEATURES]);
    expect(baseline!.data.subarray(0, BASELINE_FEATURES)).toEqual(plain[1]!.data);
    // Taking out a tag a balance is computed from takes out that balance's baseline too.
    const j = PUMP_TAGS.indexOf('seal_temp');
    const b = BALANCE_CHANNELS.indexOf('seal_over_fluid_temp');
    expect(flagsOf(baseline!.data, 1 + j)[b]).toBe(0);
  });

  it('is left out for a model that takes the window only, whatever the grid', () => {
    const { values, setpoints } = gridOf(BASELINE_HISTORY_ROWS);
    const inputs = healthBatchFromGrid(values, setpoints, asset, END, windowOnly, true);
    expect(inputs.map((x) => x.shape)).toEqual([[1 + PUMP_TAGS.length, WINDOW_LENGTH, PAST_CHANNELS]]);
  });

  it('live: takes the hours before the ring from the history store once they have arrived', () => {
    const ring = ringOf(n, 3000, (k, t) => {
      const tag = asset.tags[k]!;
      return tag.normal[0] + (tag.normal[1] - tag.normal[0]) * (0.5 + 0.01 * (Math.floor(t / 60_000) % 3));
    });
    const before = buildHealthBatch(ring, asset, controls, withBaseline, false, null);
    expect(flagsOf(before[1]!.data)).toEqual(BALANCE_CHANNELS.map(() => 0));
    // The store's grid, asked for two minutes ago: 768 rows ending then.
    const stored = gridOf(BASELINE_HISTORY_ROWS);
    const history: HistoryGrid = {
      to: ring.lastTime - 2 * 60_000,
      stepMs: 60_000,
      tagIds: asset.tags.map((t) => t.id),
      values: asset.tags.map((_, k) =>
        Array.from({ length: BASELINE_HISTORY_ROWS }, (_, r) => stored.values[r * n + k]!),
      ),
      setpoints: {},
    };
    const after = buildHealthBatch(ring, asset, controls, withBaseline, false, history);
    expect(flagsOf(after[1]!.data)).toEqual(BALANCE_CHANNELS.map(() => 1));
    expect(after[1]!.data[2 * B]).toBe(1);
    // The window itself is the ring's, as before the history arrived.
    expect(after[0]!.data.subarray(-20 * PAST_CHANNELS)).toEqual(
      before[0]!.data.subarray(-20 * PAST_CHANNELS),
    );
    expect(BASELINE_ROWS).toBe(BASELINE_HISTORY_ROWS - WINDOW_LENGTH);
  });
});

describe('decoding the health outputs', () => {
  it('converts ln(1 + hours) mean and log σ to hours with a one-σ half-width', () => {
    const r = rulFromLog(Math.log(1 + 10), Math.log(0.1));
    expect(r.hours).toBeCloseTo(10, 5);
    expect(r.std).toBeCloseTo((Math.expm1(Math.log(11) + 0.1) - Math.expm1(Math.log(11) - 0.1)) / 2, 5);
    expect(rulFromLog(20, 0).hours).toBe(72);
  });

  it('maps anomaly outputs to components, the likeliest fault and its RUL, and the tags that drove it', () => {
    const components = ['vfd', 'motor', 'bearing_de', 'pump', 'seal', 'valve', 'skid'];
    // Row 0 the plant; row 1 = tag 0 occluded, row 2 = tag 1 occluded.
    const anomaly = new Float32Array([
      0.1, 0.9, 0.2, 0.0, 0.0, 0.0, 0.1, 0.3, 0.2, 0, 0, 0, 0.1, 0.85, 0.2, 0, 0, 0,
    ]);
    const fault = new Float32Array([0.05, 0.8, 0.05, 0.02, 0.02, 0.02, 0.02, 0.02]);
    const rul = new Float32Array([Math.log(1 + 5), Math.log(0.2)]);
    const d = decodeHealth(
      [
        { data: anomaly, shape: [3, 6] },
        { data: fault, shape: [1, 8] },
        { data: rul, shape: [1, 2] },
      ],
      components,
    );
    expect(Number.isNaN(d.anomaly[0]!)).toBe(true);
    expect(d.anomaly[2]).toBeCloseTo(0.9);
    expect(d.faultType[2]).toBe('bearing_wear');
    expect(d.faultType[1]).toBeNull();
    expect(d.rulHours[2]).toBeCloseTo(5, 4);
    expect(Number.isNaN(d.rulHours[3]!)).toBe(true);
    expect(d.influences[2]!.map((w) => w.tagId)).toEqual([PUMP_TAGS[0], PUMP_TAGS[1]]);
    // In log-odds: ln(0.9 / 0.1) − ln(0.3 / 0.7).
    expect(d.influences[2]![0]!.weight).toBeCloseTo(Math.log(9) - Math.log(3 / 7), 4);
    expect(d.faultProbs.bearing_wear).toBeCloseTo(0.8);
  });

  it('still names the tags behind a saturated score (p = 1), ranked by their drop in log-odds', () => {
    const components = ['bearing_de'];
    const row = (p: number) => [0, p, 0, 0, 0, 0];
    // Tag 1's mask moves the score by one float32 step below 1: not an influence.
    const anomaly = new Float32Array([...row(1), ...row(0.9999), ...row(1 - 6e-8), ...row(0.9)]);
    const d = decodeHealth(
      [
        { data: anomaly, shape: [4, 6] },
        { data: new Float32Array([0, 1, 0, 0, 0, 0, 0, 0]), shape: [1, 8] },
        { data: new Float32Array([1, 0]), shape: [1, 2] },
      ],
      components,
    );
    expect(d.influences[0]!.map((w) => w.tagId)).toEqual([PUMP_TAGS[2], PUMP_TAGS[0]]);
    expect(d.influences[0]![1]!.weight).toBeGreaterThan(1);
    // The panel also says where masking leaves the score.
    expect(d.influences[0]![0]!.masked).toBeCloseTo(0.9, 6);
  });
});
