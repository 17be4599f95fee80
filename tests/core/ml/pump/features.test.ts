import { describe, expect, it } from 'vitest';
import assetJson from '../../../../assets/pump-skid/asset.json';
import { parseAsset } from '../../../../core/asset/parse';
import { planEpisode, runEpisode } from '../../../../core/ml/pump/episodes';
import { episodeFromRun } from '../../../../core/ml/pump/evaluate-health';
import {
  fitPumpNormalization,
  forecastWindows,
  healthWindows,
  liveBaseline,
  liveWindow,
} from '../../../../core/ml/pump/features';
import { BASELINE_FEATURES, fitBaselineScale } from '../../../../core/ml/pump/baseline';
import {
  FUTURE_CHANNELS,
  HORIZON,
  PAST_CHANNELS,
  PAST_VALUE_CHANNELS,
  PUMP_TAGS,
  WINDOW_LENGTH,
} from '../../../../core/ml/pump/spec';

const parsed = parseAsset(assetJson);
if (!parsed.ok) throw new Error('asset.json does not parse');
const asset = parsed.asset;

// Two short episodes: a healthy "training" one and a seal-leak "test" one.
const trainEp = episodeFromRun(
  runEpisode({ ...planEpisode(0, 101, 'healthy', 0), maxRows: 240 }, asset.tags),
  asset,
);
const testEp = episodeFromRun(
  runEpisode({ ...planEpisode(1, 202, 'plant', 3), maxRows: 360 }, asset.tags),
  asset,
);

describe('pump-skid feature pipeline', () => {
  it('normalizes with statistics from the training frames only', () => {
    const stats = fitPumpNormalization([trainEp.frame]);
    const both = fitPumpNormalization([trainEp.frame, testEp.frame]);
    expect(stats.tagIds).toEqual([...PAST_VALUE_CHANNELS]);
    const leak = stats.tagIds.indexOf('seal_leak_rate');
    expect(stats.mean[leak]).not.toBeCloseTo(both.mean[leak]!, 4);
    // A test window is z-scored with the training mean/std, not its own.
    const w = healthWindows([testEp.frame], stats, 50);
    const flow = PUMP_TAGS.indexOf('flow');
    const col = testEp.frame.values[flow]!;
    const row0 = w.endRow[0]! - WINDOW_LENGTH + 1;
    const z = w.past[0 * PAST_CHANNELS + flow]!;
    expect(z).toBeCloseTo((col[row0]! - stats.mean[flow]!) / stats.std[flow]!, 4);
  });

  it('produces health windows [N, 48, 128] (64 value channels + masks) and forecaster windows with a 60-step horizon', () => {
    const stats = fitPumpNormalization([trainEp.frame]);
    const h = healthWindows([trainEp.frame, testEp.frame], stats, 10);
    expect(PAST_CHANNELS).toBe(128);
    expect(h.past.length).toBe(h.count * WINDOW_LENGTH * PAST_CHANNELS);
    const V = PAST_VALUE_CHANNELS.length;
    for (let c = V; c < PAST_CHANNELS; c++) expect([0, 1]).toContain(h.past[c]);
    const f = forecastWindows([testEp.frame], stats, 20);
    expect(f.count).toBe(Math.floor((360 - WINDOW_LENGTH - HORIZON) / 20) + 1);
    expect(f.future.length).toBe(f.count * HORIZON * FUTURE_CHANNELS);
    expect(f.targets.length).toBe(f.count * HORIZON * PUMP_TAGS.length);
    // The step-position channel runs 0 → 1 over the horizon.
    expect(f.future[FUTURE_CHANNELS - 1]).toBe(0);
    expect(f.future[HORIZON * FUTURE_CHANNELS - 1]).toBe(1);
  });

  it('builds one live window from the latest rows, and refuses a short frame', () => {
    const stats = fitPumpNormalization([trainEp.frame]);
    const w = liveWindow(trainEp.frame, stats);
    expect(w.length).toBe(WINDOW_LENGTH * PAST_CHANNELS);
    const short = {
      ...trainEp.frame,
      t: trainEp.frame.t.slice(0, 10),
      values: trainEp.frame.values.map((v) => v.slice(0, 10)),
      quality: trainEp.frame.quality.map((q) => q.slice(0, 10)),
    };
    expect(() => liveWindow(short, stats)).toThrow(/need 48 rows/);
  });

  it('gives the live window and its long baseline exactly as training built them for the same last row', () => {
    const stats = fitPumpNormalization([trainEp.frame]);
    const scale = fitBaselineScale([trainEp.frame], 6);
    const h = healthWindows([trainEp.frame], stats, 1, { scale });
    const per = WINDOW_LENGTH * PAST_CHANNELS;
    const last = h.count - 1;
    expect(liveWindow(trainEp.frame, stats)).toEqual(h.past.slice(last * per, (last + 1) * per));
    expect(liveBaseline(trainEp.frame, scale)).toEqual(
      h.baseline.slice(last * BASELINE_FEATURES, (last + 1) * BASELINE_FEATURES),
    );
    expect(healthWindows([trainEp.frame], stats, 1).baseline.length).toBe(0);
  });

  it('marks a dropped-out sensor as bad in the mask', () => {
    const plan = {
      ...planEpisode(2, 303, 'sensor', 4),
      maxRows: 200,
      onsetRow: 20,
      severity0: 0.5,
      targetTag: 'flow',
    };
    const ep = episodeFromRun(runEpisode(plan, asset.tags), asset);
    const stats = fitPumpNormalization([trainEp.frame]);
    const h = healthWindows([ep.frame], stats, 200);
    const V = PAST_VALUE_CHANNELS.length;
    const flow = PUMP_TAGS.indexOf('flow');
    let bad = 0;
    for (let s = 0; s < WINDOW_LENGTH; s++) if (h.past[s * PAST_CHANNELS + V + flow] === 0) bad++;
    expect(bad).toBeGreaterThan(0);
  });
});
