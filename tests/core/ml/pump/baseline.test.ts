/**
 * The health model's long baseline: the live app, fed one window per minute, computes exactly the
 * baseline channels training computed over the whole recording; a drifting transmitter moves its
 * balance away from the baseline hour by hour; spikes raise the tag's slow repair rate.
 */
import { describe, expect, it } from 'vitest';
import assetJson from '../../../../assets/pump-skid/asset.json';
import { parseAsset } from '../../../../core/asset/parse';
import { BASELINE_LAG, healthFrame, SlowBaseline } from '../../../../core/ml/pump/baseline';
import { DERIVED_SPAN } from '../../../../core/ml/pump/derived';
import { planEpisode, runEpisode } from '../../../../core/ml/pump/episodes';
import {
  fitHealthNormalization,
  healthWindows,
  liveHealthWindow,
  pumpFrame,
} from '../../../../core/ml/pump/features';
import {
  BALANCE_CHANNELS,
  BASELINE_CHANNELS,
  HEALTH_CHANNELS,
  HEALTH_VALUE_CHANNELS,
  PUMP_CONTROLS,
  PUMP_TAGS,
  SAMPLE_PERIOD_S,
  WINDOW_LENGTH,
} from '../../../../core/ml/pump/spec';
import { SENSOR_FAULT_IDS } from '../../../../core/sim';

const parsed = parseAsset(assetJson);
if (!parsed.ok) throw new Error('asset.json does not parse');
const asset = parsed.asset;

/** A run with `fault` on `tag` from row `onset` (healthy without one), `rows` rows. */
function run(fault: string | null, tag: string, rows: number, onset: number) {
  const base =
    fault === null
      ? planEpisode(0, 909, 'healthy', 0)
      : planEpisode(
          0,
          909,
          'sensor',
          SENSOR_FAULT_IDS.findIndex((f) => f === fault),
        );
  const plan = {
    ...base,
    maxRows: rows,
    onsetRow: fault === null ? rows : onset,
    targetTag: tag,
    severity0: 1,
  };
  return runEpisode(plan, asset.tags);
}

function column(frame: ReturnType<typeof healthFrame>, channel: string): Float32Array {
  return frame.values[HEALTH_VALUE_CHANNELS.indexOf(channel)]!;
}

function meanOf(v: Float32Array, a: number, b: number): number {
  let s = 0;
  let n = 0;
  for (let r = a; r < b; r++)
    if (Number.isFinite(v[r]!)) {
      s += v[r]!;
      n++;
    }
  return s / n;
}

describe('long baseline', () => {
  it('is the same live, one window a minute, as in training over the whole recording', () => {
    const r = run('sensor_spikes', 'flow', 200, 100);
    const T = PUMP_TAGS.length;
    const C = PUMP_CONTROLS.length;
    const whole = pumpFrame(r.tags, r.controls, r.rows, asset.tags);
    const stats = fitHealthNormalization([whole]);
    const training = healthWindows([whole], stats, 1);
    const tracker = new SlowBaseline();
    const per = WINDOW_LENGTH * HEALTH_CHANNELS;
    const V = HEALTH_VALUE_CHANNELS.length;
    const first = HEALTH_VALUE_CHANNELS.length - BASELINE_CHANNELS.length;
    let compared = 0;
    const differing: string[] = [];
    for (let end = WINDOW_LENGTH - 1; end < r.rows; end++) {
      const start = end - WINDOW_LENGTH + 1;
      const frame = pumpFrame(
        r.tags.subarray(start * T, (end + 1) * T),
        r.controls.subarray(start * C, (end + 1) * C),
        WINDOW_LENGTH,
        asset.tags,
        start * SAMPLE_PERIOD_S,
      );
      const live = liveHealthWindow(frame, tracker, stats);
      // A second tick in the same minute brings no new row and changes nothing.
      expect(liveHealthWindow(frame, tracker, stats)).toEqual(live);
      const trained = training.past.subarray(start * per, (start + 1) * per);
      // The baseline itself is exact everywhere; a balance against it carries the balance's own value,
      // which a live window cleans without the rows beyond its edges (Hampel half-window 5, the tank
      // balance's 5-row look-back), as every channel of the window (docs/models-pump-skid.md, Gaps).
      const settled = (c: number, s: number) =>
        c >= first + BALANCE_CHANNELS.length || (s >= 2 * DERIVED_SPAN && s < WINDOW_LENGTH - BASELINE_LAG);
      for (let s = 0; s < WINDOW_LENGTH; s++)
        for (let c = first; c < V; c++) {
          if (!settled(c, s)) continue;
          const [v, m] = [s * HEALTH_CHANNELS + c, s * HEALTH_CHANNELS + V + c];
          if (live[v] !== trained[v] || live[m] !== trained[m])
            differing.push(`window ending ${end}, row ${s}, ${HEALTH_VALUE_CHANNELS[c]}`);
          if (trained[m] === 1) compared++;
        }
    }
    expect(differing.slice(0, 5)).toEqual([]);
    // Most of it is a warm baseline, not two empty channels agreeing.
    expect(compared).toBeGreaterThan(
      0.7 * (r.rows - WINDOW_LENGTH + 1) * WINDOW_LENGTH * BASELINE_CHANNELS.length,
    );
  });

  it('starts afresh when the stream jumps back (a replay, a new source)', () => {
    const r = run(null, 'flow', 160, 0);
    const T = PUMP_TAGS.length;
    const C = PUMP_CONTROLS.length;
    const at = (end: number) =>
      pumpFrame(
        r.tags.subarray((end - WINDOW_LENGTH + 1) * T, (end + 1) * T),
        r.controls.subarray((end - WINDOW_LENGTH + 1) * C, (end + 1) * C),
        WINDOW_LENGTH,
        asset.tags,
        (end - WINDOW_LENGTH + 1) * SAMPLE_PERIOD_S,
      );
    const stats = fitHealthNormalization([pumpFrame(r.tags, r.controls, r.rows, asset.tags)]);
    const tracker = new SlowBaseline();
    for (let end = WINDOW_LENGTH - 1; end < r.rows; end++) liveHealthWindow(at(end), tracker, stats);
    expect(liveHealthWindow(at(WINDOW_LENGTH - 1), tracker, stats)).toEqual(
      liveHealthWindow(at(WINDOW_LENGTH - 1), new SlowBaseline(), stats),
    );
  });

  it('shows a drifting flow transmitter against its baseline, hour by hour', () => {
    const healthy = healthFrame(pumpFrame(...args(run(null, 'flow', 600, 120))));
    const drift = healthFrame(pumpFrame(...args(run('sensor_drift', 'flow', 600, 120))));
    const channel = 'pump_curve_residual_vs_baseline';
    const gap = (a: number, b: number) =>
      Math.abs(meanOf(column(drift, channel), a, b) - meanOf(column(healthy, channel), a, b));
    expect(gap(540, 600)).toBeGreaterThan(3 * gap(60, 120) + 0.1);
  });

  it('raises a spiking transmitter’s repair rate over hours', () => {
    const healthy = healthFrame(pumpFrame(...args(run(null, 'flow', 480, 120))));
    const spikes = healthFrame(pumpFrame(...args(run('sensor_spikes', 'flow', 480, 120))));
    const late = (f: ReturnType<typeof healthFrame>) => meanOf(column(f, 'flow_repair_rate'), 420, 480);
    expect(late(spikes)).toBeGreaterThan(2 * late(healthy) + 0.02);
  });
});

function args(r: ReturnType<typeof run>): Parameters<typeof pumpFrame> {
  return [r.tags, r.controls, r.rows, asset.tags];
}
