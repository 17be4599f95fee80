import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  historyRequestSchemas,
  type HistoryAt,
  type HistoryEventItem,
  type HistoryInfo,
  type HistoryWindow,
} from '../../../core/api/domains/history';
import type { Alarm } from '../../../core/api/types';
import { fakeContext } from './fake-context';
import { makeBatch, pumpSkid, tempDirsRemovedAfterAll } from './helpers';

const asset = pumpSkid();
const T0 = Date.UTC(2026, 0, 1);
const dir = tempDirsRemovedAfterAll();

const tempIndex = asset.tags.findIndex((t) => t.id === 'bearing_de_temp');
const alarm = (state: Alarm['state'], raisedAt: number): Alarm => ({
  id: 'bearing_de_temp:alarm-high',
  tagId: 'bearing_de_temp',
  componentId: 'bearing_de',
  kind: 'alarm-high',
  priority: 'medium',
  state,
  active: state !== 'rtn-unack',
  limit: 90,
  value: 93.5,
  raisedAt,
  message: 'Pump DE bearing temperature high',
});

async function waitForSamples(f: ReturnType<typeof fakeContext>, count: number): Promise<HistoryInfo> {
  let info: HistoryInfo | null = null;
  await vi.waitFor(
    async () => {
      info = await f.call<HistoryInfo>('historyInfo');
      expect(info.sampleCount).toBe(count);
    },
    { timeout: 5000, interval: 20 },
  );
  return info as unknown as HistoryInfo;
}

describe('history handlers', () => {
  it('stores every telemetry batch at <dataDir>/history/<asset>.duckdb and serves M4 windows', async () => {
    const data = dir('batches');
    const f = fakeContext(asset, data);
    f.ctx.emit({ type: 'telemetry', batch: makeBatch(asset, T0, 600) });
    f.ctx.emit({ type: 'telemetry', batch: makeBatch(asset, T0, 600, 600) });
    const info = await waitForSamples(f, 1200);
    expect(info).toMatchObject({ available: true, from: T0, to: T0 + 1199_000, problems: [] });
    expect(info.path).toBe(path.join(data, 'history', `${asset.id}.duckdb`));
    expect(fs.existsSync(info.path as string)).toBe(true);
    expect(f.emitted.some((e) => e.type === 'history-range' && e.to === T0 + 1199_000)).toBe(true);

    const w = await f.call<HistoryWindow>('historyWindow', {
      from: T0,
      to: T0 + 1200_000,
      buckets: 12,
      tagIds: [asset.tags[1]?.id],
    });
    expect(w.t).toHaveLength(12);
    const s = w.series[0];
    // Tag 1 holds 1000 + i. Buckets of a minute or more are whole minutes: 20 minutes in 12 buckets,
    // bucket 0 holds minutes 0–1 (samples 0..119), bucket 3 minutes 5–6.
    expect(s?.max[0]).toBe(1119);
    expect(s?.first[3]).toBe(1300);
    // Null (not NaN) survives JSON: makeBatch leaves gaps where (i + k) % 97 === 0.
    expect(JSON.parse(JSON.stringify(s?.min))).toEqual(s?.min);
    await f.dispose();
  });

  it('validates requests with messages that name the field', () => {
    const bad = historyRequestSchemas.historyWindow.safeParse({ from: 10, to: 5, buckets: 10 });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]).toMatchObject({ path: ['to'], message: 'from must be before to' });
    const tooMany = historyRequestSchemas.historyWindow.safeParse({ from: 0, to: 5, buckets: 5000 });
    expect(tooMany.error?.issues[0]?.path).toEqual(['buckets']);
    expect(historyRequestSchemas.addBookmark.safeParse({ t: 1, note: '  ' }).error?.issues[0]?.message).toBe(
      'a bookmark needs a note',
    );
  });

  it('logs setpoint changes, fault injections and clears from simulator status diffs', async () => {
    const f = fakeContext(asset, dir('sim'));
    await f.call('historyInfo');
    f.ctx.emit({ type: 'sim', status: f.status() });
    f.sim.time = T0 + 60_000;
    f.ctx.emit({ type: 'sim', status: f.status({ controls: { speed_setpoint: 90 } }) });
    const fault = {
      instanceId: 'f1',
      faultId: 'bearing_wear',
      severity: 0.6,
      growthPerHour: 0.1,
      onset: T0 + 90_000,
    };
    f.sim.time = T0 + 120_000;
    f.ctx.emit({ type: 'sim', status: f.status({ controls: { speed_setpoint: 90 }, faults: [fault] }) });
    f.sim.time = T0 + 300_000;
    f.ctx.emit({ type: 'sim', status: f.status({ controls: { speed_setpoint: 90 } }) });
    let events: HistoryEventItem[] = [];
    await vi.waitFor(async () => {
      events = await f.call<HistoryEventItem[]>('historyEvents', { from: T0, to: T0 + 3600_000 });
      expect(events).toHaveLength(3);
    });
    expect(events.map((e) => [e.ts - T0, e.kind])).toEqual([
      [60_000, 'control-change'],
      [90_000, 'fault-injection'],
      [300_000, 'fault-clear'],
    ]);
    expect(events[0]?.label).toBe('Setpoint Speed setpoint: 80 → 90 Hz');
    expect(events[1]?.label).toBe('Fault injected: Pump DE bearing wear (severity 60 %, +10 %/h)');
    const next = await f.call<HistoryEventItem>('historyNextEvent', { t: T0 + 60_000, direction: 'forward' });
    expect(next.kind).toBe('fault-injection');
    const prev = await f.call<HistoryEventItem>('historyNextEvent', {
      t: T0 + 60_000,
      direction: 'backward',
    });
    expect(prev).toBeNull();
    await f.dispose();
  });

  it('rebuilds the alarms standing at the playhead from alarm transitions', async () => {
    const f = fakeContext(asset, dir('alarms'));
    await f.call('historyInfo');
    f.sim.time = T0 + 10_000;
    f.ctx.emit({ type: 'alarms', snapshot: { alarms: [alarm('unack', T0 + 10_000)] } });
    f.sim.time = T0 + 20_000;
    f.ctx.emit({ type: 'alarms', snapshot: { alarms: [alarm('ack', T0 + 10_000)] } });
    f.sim.time = T0 + 30_000;
    f.ctx.emit({ type: 'alarms', snapshot: { alarms: [] } });
    // As in the simulator, a batch follows the alarm changes raised while sampling it.
    const batch = makeBatch(asset, T0, 60);
    f.ctx.emit({ type: 'telemetry', batch });
    await waitForSamples(f, 60);
    await vi.waitFor(async () => {
      const e = await f.call<HistoryEventItem[]>('historyEvents', { from: T0, to: T0 + 60_000 });
      expect(e.map((x) => x.kind)).toEqual(['alarm', 'ack', 'alarm']);
    });

    const at = (t: number) => f.call<HistoryAt>('historyAt', { t });
    expect((await at(T0 + 5_000)).alarms).toEqual([]);
    const raised = await at(T0 + 15_000);
    expect(raised.alarms).toEqual([alarm('unack', T0 + 10_000)]);
    expect((await at(T0 + 25_000)).alarms.map((a) => a.state)).toEqual(['ack']);
    expect((await at(T0 + 35_000)).alarms).toEqual([]);
    // Values at the playhead, in asset tag order: the sample at 15 s.
    expect(raised.values[tempIndex]).toBe(batch.values[tempIndex]?.[15]);
    expect(raised.sampleTime).toBe(T0 + 15_000);
    expect(raised.values).toHaveLength(asset.tags.length);
    await f.dispose();
  });

  it('never replaces stored history when the source clock goes back: rows behind it are left out', async () => {
    const data = dir('reset');
    const f = fakeContext(asset, data);
    f.ctx.emit({ type: 'telemetry', batch: makeBatch(asset, T0, 300) });
    await waitForSamples(f, 300);
    // A source whose clock restarted at T0 + 100 s: rows up to the newest stored one are not stored.
    f.ctx.emit({ type: 'telemetry', batch: makeBatch(asset, T0 + 100_000, 250) });
    const info = await waitForSamples(f, 350);
    expect(info.to).toBe(T0 + 349_000);
    const at = await f.call<HistoryAt>('historyAt', { t: T0 + 150_000 });
    expect(at.values[0]).toBe(150);
    const notices = f.emitted
      .filter((e) => e.type === 'notice')
      .map((e) => ('message' in e ? e.message : ''));
    expect(notices).toEqual([
      expect.stringMatching(/200 samples from a clock behind the newest stored sample/),
    ]);
    expect(fs.readdirSync(path.join(data, 'history')).filter((n) => n.endsWith('.parquet'))).toEqual([]);
    await f.dispose();
  });

  it('reports a store held by another instance and keeps running without history', async () => {
    const data = dir('locked');
    const first = fakeContext(asset, data);
    await first.call('historyInfo');
    const second = fakeContext(asset, data);
    const info = await second.call<HistoryInfo>('historyInfo');
    expect(info.available).toBe(false);
    expect(info.problems[0]?.kind).toBe('locked');
    expect(info.problems[0]?.message).toMatch(/open in another Twinscape instance.*keeps running without/);
    expect(second.emitted.some((e) => e.type === 'notice' && e.level === 'error')).toBe(true);
    await expect(second.call('historyAt', { t: T0 })).rejects.toThrow(/another Twinscape instance/);
    await second.dispose();
    await first.dispose();
  });

  it('opens the new asset’s store when the session changes', async () => {
    const data = dir('session');
    const f = fakeContext(asset, data);
    await f.call('historyInfo');
    const other = { ...asset, id: 'pump_skid_b' };
    f.ctx.emit({
      type: 'session',
      session: {
        asset: other,
        assetSource: 'b.json',
        source: '',
        host: 'web',
        role: 'operator',
        versions: {},
        sim: f.status(),
        alarms: [],
      },
    });
    f.ctx.emit({ type: 'telemetry', batch: makeBatch(other, T0, 10) });
    const info = await waitForSamples(f, 10);
    expect(info.path).toBe(path.join(data, 'history', 'pump_skid_b.duckdb'));
    await f.dispose();
  });
});
