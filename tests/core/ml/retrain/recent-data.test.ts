import { describe, expect, it } from 'vitest';
import assetJson from '../../../../assets/pump-skid/asset.json';
import type { HistoryEventItem, HistoryWindow } from '../../../../core/api/domains/history';
import { parseAsset } from '../../../../core/asset/parse';
import { BASELINE_FEATURES, BASELINE_MIN_ROWS } from '../../../../core/ml/pump/baseline';
import { planEpisode, runEpisode } from '../../../../core/ml/pump/episodes';
import { fitPumpNormalization, pumpFrame } from '../../../../core/ml/pump/features';
import {
  BALANCE_CHANNELS,
  FAULT_CLASSES,
  PUMP_CONTROLS,
  PUMP_TAGS,
  WINDOW_LENGTH,
} from '../../../../core/ml/pump/spec';
import {
  faultRows,
  MINUTE_MS,
  minuteRows,
  setpointRows,
  tagRows,
} from '../../../../core/ml/retrain/minute-rows';
import { buildRecentDataset, RetrainDataError } from '../../../../core/ml/retrain/recent-dataset';

const parsed = parseAsset(assetJson);
if (!parsed.ok) throw new Error('asset.json does not parse');
const asset = parsed.asset;
const T = PUMP_TAGS.length;
const FROM = Date.UTC(2026, 10, 28, 0, 0);
const at = (minute: number) => FROM + minute * MINUTE_MS;

const run = runEpisode({ ...planEpisode(0, 101, 'healthy', 0), maxRows: 600 }, asset.tags);
const stats = fitPumpNormalization([pumpFrame(run.tags, run.controls, run.rows, asset.tags)]);

/** The run as the store's one-minute buckets (last sample of each minute), minus `skip` minutes. */
function windowOf(minutes: number, skip: (r: number) => boolean = () => false): HistoryWindow {
  const t: number[] = [];
  const last: (number | null)[][] = PUMP_TAGS.map(() => []);
  for (let r = 0; r < minutes; r++) {
    if (skip(r)) continue;
    t.push(at(r));
    PUMP_TAGS.forEach((_, j) => {
      const v = run.tags[r * T + j]!;
      last[j]!.push(Number.isFinite(v) ? v : null);
    });
  }
  return {
    from: FROM,
    to: at(minutes),
    bucketMs: MINUTE_MS,
    t,
    series: PUMP_TAGS.map((tagId, j) => ({
      tagId,
      min: [],
      max: [],
      first: [],
      last: last[j]!,
      quality: [],
    })),
  };
}

const inject = (minute: number, faultId: string, instanceId = faultId): HistoryEventItem => ({
  ts: at(minute) + 1_000,
  kind: 'fault-injection',
  label: '',
  payload: { instanceId, faultId, severity: 0.5, growthPerHour: 0 },
});
const clear = (minute: number, faultId: string, instanceId = faultId): HistoryEventItem => ({
  ts: at(minute) + 1_000,
  kind: 'fault-clear',
  label: '',
  payload: { instanceId, faultId },
});
const controls = Object.fromEntries(PUMP_CONTROLS.map((id, j) => [id, run.controls[j]!]));

describe('recent history as one-minute rows', () => {
  it('puts each bucket on its minute and leaves empty minutes NaN', () => {
    const rows = tagRows([windowOf(10, (r) => r === 4)], FROM, 10);
    expect(rows[3 * T]).toBeCloseTo(run.tags[3 * T]!, 4);
    expect(Number.isNaN(rows[4 * T]!)).toBe(true);
    expect(() => tagRows([{ ...windowOf(10), bucketMs: 30_000 }], FROM, 10)).toThrow(/expected one minute/);
  });

  it('rebuilds setpoints from the recorded changes, walking back from the values in force now', () => {
    const id = PUMP_CONTROLS[0]!;
    const change = (minute: number, from: number, to: number): HistoryEventItem => ({
      ts: at(minute) + 500,
      kind: 'control-change',
      label: '',
      payload: { controlId: id, from, to },
    });
    const out = setpointRows([change(3, 1400, 1600), change(6, 1600, 1500)], { [id]: 1500 }, FROM, 10);
    const C = PUMP_CONTROLS.length;
    expect([0, 2, 3, 5, 6, 9].map((r) => out[r * C])).toEqual([1400, 1400, 1600, 1600, 1500, 1500]);
  });

  it('labels minutes healthy before an injection, with its fault class after, and healthy after a clear', () => {
    const cls = faultRows(
      [inject(-30, 'seal_leak'), clear(4, 'seal_leak'), inject(7, 'sensor_bias')],
      FROM,
      10,
    );
    const seal = FAULT_CLASSES.indexOf('seal_leak');
    const sensor = FAULT_CLASSES.indexOf('sensor_fault');
    expect([...cls]).toEqual([seal, seal, seal, seal, 0, 0, 0, sensor, sensor, sensor]);
  });
});

describe('training and held-out windows from recent history', () => {
  const events = [inject(150, 'bearing_wear'), clear(300, 'bearing_wear'), inject(560, 'bearing_wear', 'b2')];
  const rows = minuteRows([windowOf(600)], events, controls, FROM, 600);

  it('splits by time: training windows end by the cut, held-out windows start after it', () => {
    const ds = buildRecentDataset(rows, asset.tags, stats, { stride: 2 });
    expect(ds.cutoff).toBe(FROM + 480 * MINUTE_MS);
    expect(Math.max(...ds.train.endTime)).toBeLessThanOrEqual(ds.cutoff);
    expect(Math.min(...ds.heldOut.endTime) - WINDOW_LENGTH * MINUTE_MS).toBeGreaterThanOrEqual(ds.cutoff);
    // Windows ending 48 min either side of the cut are dropped, so no minute is in both parts.
    expect(ds.train.count + ds.heldOut.count).toBeLessThan((600 - WINDOW_LENGTH + 1) / 2);
  });

  it('labels each window by the fault active at its last minute', () => {
    const ds = buildRecentDataset(rows, asset.tags, stats);
    const bearing = FAULT_CLASSES.indexOf('bearing_wear');
    for (let i = 0; i < ds.train.count; i++) {
      const minute = (ds.train.endTime[i]! - FROM) / MINUTE_MS - 1;
      expect(ds.train.labels.faultClass[i], `minute ${minute}`).toBe(
        minute >= 150 && minute < 300 ? bearing : 0,
      );
    }
    const held = [...ds.heldOut.labels.faultClass];
    expect(held.filter((c) => c === bearing).length).toBe(600 - 560);
    expect(held.includes(0)).toBe(true);
    expect(Number.isNaN(ds.train.labels.logRul[0]!)).toBe(true);
  });

  it('caps training windows evenly and keeps the held-out part whole', () => {
    const ds = buildRecentDataset(rows, asset.tags, stats, { maxTrainWindows: 50 });
    expect(ds.train.count).toBe(50);
    expect(ds.heldOut.count).toBe(600 - 480 - WINDOW_LENGTH + 1);
  });

  it('refuses, saying why, with only healthy running or too little history', () => {
    const healthy = minuteRows([windowOf(600)], [], controls, FROM, 600);
    expect(() => buildRecentDataset(healthy, asset.tags, stats)).toThrow(RetrainDataError);
    expect(() => buildRecentDataset(healthy, asset.tags, stats)).toThrow(/only healthy running/);
    const late = minuteRows([windowOf(600)], [inject(570, 'seal_leak')], controls, FROM, 600);
    expect(() => buildRecentDataset(late, asset.tags, stats)).toThrow(/training part .* only healthy/);
    const short = minuteRows([windowOf(90)], events, controls, FROM, 90);
    expect(() => buildRecentDataset(short, asset.tags, stats)).toThrow(/too little history/);
  });

  it('does not build windows across a gap in the history', () => {
    const gappy = minuteRows([windowOf(600, (r) => r >= 200 && r < 230)], events, controls, FROM, 600);
    const ds = buildRecentDataset(gappy, asset.tags, stats);
    for (let i = 0; i < ds.train.count; i++) {
      const end = (ds.train.endTime[i]! - FROM) / MINUTE_MS;
      expect(end <= 200 || end - WINDOW_LENGTH >= 230, `window ending at ${end}`).toBe(true);
    }
    expect(new Set(ds.train.stretch).size).toBe(2);
  });

  it('gives each window its long baseline from the hours before it in its own stretch, when the card has one', () => {
    const gappy = minuteRows([windowOf(600, (r) => r >= 200 && r < 230)], events, controls, FROM, 600);
    const B = BALANCE_CHANNELS.length;
    const ds = buildRecentDataset(gappy, asset.tags, stats, {}, { scale: BALANCE_CHANNELS.map(() => 1) });
    expect(ds.train.baseline.length).toBe(ds.train.count * BASELINE_FEATURES);
    expect(ds.heldOut.baseline.length).toBe(ds.heldOut.count * BASELINE_FEATURES);
    let withBaseline = 0;
    for (let i = 0; i < ds.train.count; i++) {
      const last = (ds.train.endTime[i]! - FROM) / MINUTE_MS - 1;
      const before = last - (WINDOW_LENGTH - 1) - (last < 200 ? 0 : 230);
      const at = i * BASELINE_FEATURES + B;
      const flags = [...ds.train.baseline.subarray(at, at + B)];
      // The history before a window never reaches across the gap.
      if (before < BASELINE_MIN_ROWS) expect(flags, `window ending at ${last}`).not.toContain(1);
      if (before >= 2 * BASELINE_MIN_ROWS) expect(flags, `window ending at ${last}`).toContain(1);
      if (flags.includes(1)) withBaseline++;
    }
    expect(withBaseline).toBeGreaterThan(0);
    expect(buildRecentDataset(gappy, asset.tags, stats).train.baseline.length).toBe(0);
  });
});
