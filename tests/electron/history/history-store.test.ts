import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HistoryStore } from '../../../electron/services/history';
import { makeBatch, pumpSkid, tempDirsRemovedAfterAll } from './helpers';

const asset = pumpSkid();
const T0 = Date.UTC(2024, 0, 1);
const dir = tempDirsRemovedAfterAll();

describe('HistoryStore', () => {
  it('round-trips values, quality and nulls, and commits on flush', async () => {
    const file = path.join(dir('rt'), 'ws.duckdb');
    const commits: number[] = [];
    const store = await HistoryStore.open({
      path: file,
      asset,
      flushIntervalMs: 60_000,
      onCommit: (c) => commits.push(c.rows),
    });
    expect(store.problems).toEqual([]);
    store.append(makeBatch(asset, T0, 3000));
    store.append(makeBatch(asset, T0, 600, 3000));
    expect(await store.sampleCount()).toBe(0);
    const info = await store.flush();
    expect(info?.rows).toBe(3600);
    expect(commits).toEqual([3600]);
    expect(await store.timeRange()).toEqual({ from: T0, to: T0 + 3599_000 });

    // One bucket per sample: M4 aggregates equal the raw values.
    const w = await store.queryWindow({
      from: T0,
      to: T0 + 100_000,
      tagIds: ['motor_speed', 'flow'],
      buckets: 100,
    });
    const kSpeed = asset.tags.findIndex((t) => t.id === 'motor_speed');
    expect(w.t.length).toBe(100);
    const s = w.series[0]!;
    for (let i = 0; i < 100; i++) {
      const expected = (i + kSpeed) % 97 === 0 ? Number.NaN : kSpeed * 1000 + i;
      expect(s.min[i]).toBe(expected);
      expect(s.last[i]).toBe(expected);
      expect(s.quality[i]).toBe((i + kSpeed) % 97 === 0 ? 3 : i % 50 === 0 ? 1 : 0);
    }
    await store.close();

    // Reopen: data survived close.
    const again = await HistoryStore.open({ path: file, asset });
    expect(again.problems).toEqual([]);
    expect(await again.sampleCount()).toBe(3600);
    await again.close();
  });

  it('M4 returns at most `buckets` rows with correct min/max/first/last', async () => {
    const store = await HistoryStore.open({
      path: path.join(dir('m4'), 'ws.duckdb'),
      asset,
      flushIntervalMs: 60_000,
    });
    store.append(makeBatch(asset, T0, 10_000));
    await store.flush();
    const w = await store.queryWindow({ from: T0, to: T0 + 10_000_000, tagIds: ['flow'], buckets: 37 });
    expect(w.t.length).toBeLessThanOrEqual(37);
    const k = asset.tags.findIndex((t) => t.id === 'flow');
    const s = w.series[0]!;
    for (let b = 0; b < w.t.length; b++) {
      const lo = Math.ceil((w.tFirst[b]! - T0) / 1000);
      const hi = Math.floor((w.tLast[b]! - T0) / 1000);
      const vals: number[] = [];
      for (let i = lo; i <= hi; i++) if ((i + k) % 97 !== 0) vals.push(k * 1000 + i);
      expect(s.min[b]).toBe(Math.min(...vals));
      expect(s.max[b]).toBe(Math.max(...vals));
      expect(s.first[b]).toBe(vals[0]);
      expect(s.last[b]).toBe(vals[vals.length - 1]);
    }
    // Buckets partition the range: every sample counted once.
    expect(w.tFirst[0]).toBe(T0);
    expect(w.tLast[w.t.length - 1]).toBe(T0 + 9_999_000);
    await store.close();
  });

  it('valuesAt gives the last non-missing sample at or before the playhead', async () => {
    const store = await HistoryStore.open({
      path: path.join(dir('va'), 'ws.duckdb'),
      asset,
      flushIntervalMs: 60_000,
    });
    store.append(makeBatch(asset, T0, 200));
    await store.flush();
    const k = asset.tags.findIndex((t) => t.id === 'flow');
    const at = await store.valuesAt(T0 + 150_500);
    expect(at.tagIds.length).toBe(asset.tags.length);
    expect(at.values[k]).toBe(k * 1000 + 150);
    expect(at.sampleTs[k]).toBe(T0 + 150_000);
    // Tag 0 is missing at i = 97: the playhead there shows i = 96.
    const gap = await store.valuesAt(T0 + 97_000, { tagIds: [asset.tags[0]!.id] });
    expect(gap.values[0]).toBe(96);
    expect(gap.sampleTs[0]).toBe(T0 + 96_000);
    const before = await store.valuesAt(T0 - 1);
    expect(Number.isNaN(before.values[0])).toBe(true);
    expect(before.quality[0]).toBe(3);
    await store.close();
  });

  it('stores events and alarm transitions, and steps between them', async () => {
    const store = await HistoryStore.open({
      path: path.join(dir('ev'), 'ws.duckdb'),
      asset,
      flushIntervalMs: 60_000,
    });
    store.appendEvent({
      ts: T0 + 1000,
      kind: 'fault-injection',
      payload: { faultId: 'bearing_wear', severity: 0.5 },
    });
    store.appendEvent({ ts: T0 + 5000, kind: 'bookmark', payload: { text: 'look here' } });
    store.appendAlarmTransition(
      T0 + 3000,
      {
        id: 'flow:alarm-low',
        tagId: 'flow',
        componentId: 'discharge_pipe',
        kind: 'alarm-low',
        priority: 'medium',
        state: 'unack',
        active: true,
        limit: 10,
        value: 8,
        raisedAt: T0 + 3000,
        message: 'Flow low',
      },
      'normal',
      'unack',
    );
    await store.flush();
    const all = await store.events(T0, T0 + 10_000);
    expect(all.map((e) => e.kind)).toEqual(['fault-injection', 'alarm', 'bookmark']);
    expect(all[0]!.payload).toEqual({ faultId: 'bearing_wear', severity: 0.5 });
    expect(await store.nextEvent(T0 + 1000, 'forward')).toMatchObject({ ts: T0 + 3000, kind: 'alarm' });
    expect(await store.nextEvent(T0 + 1000, 'forward', { includeAlarms: false })).toMatchObject({
      ts: T0 + 5000,
      kind: 'bookmark',
    });
    expect(await store.nextEvent(T0 + 3000, 'backward')).toMatchObject({ ts: T0 + 1000 });
    expect(await store.nextEvent(T0 + 5000, 'forward')).toBeNull();
    expect((await store.alarmTransitions(T0, T0 + 10_000))[0]).toMatchObject({
      alarmId: 'flow:alarm-low',
      from: 'normal',
      to: 'unack',
      value: 8,
    });
    await store.close();
  });

  it('retention folds old raw rows into 1-minute rollups that window queries still see', async () => {
    const store = await HistoryStore.open({
      path: path.join(dir('ret'), 'ws.duckdb'),
      asset,
      flushIntervalMs: 60_000,
    });
    store.append(makeBatch(asset, T0, 7200));
    await store.flush();
    const r = await store.applyRetention({ rawDays: 0.5 / 24, now: T0 + 7200_000 });
    expect(r.deletedRows).toBe(5400);
    expect(r.rolledUpMinutes).toBe(90);
    expect(await store.sampleCount()).toBe(1800);
    expect(await store.timeRange()).toEqual({ from: T0, to: T0 + 7199_000 });
    const w = await store.queryWindow({ from: T0, to: T0 + 7200_000, tagIds: ['flow'], buckets: 120 });
    expect(w.usedRollup).toBe(true);
    expect(w.t.length).toBe(120);
    const k = asset.tags.findIndex((t) => t.id === 'flow');
    expect(w.series[0]!.max[0]).toBe(k * 1000 + 59);
    expect(store.diskUsage().bytes).toBeGreaterThan(0);
    await store.close();
  });

  it('rejects a second writer in another process with a clear message', async () => {
    const file = path.join(dir('lock'), 'ws.duckdb');
    const s0 = await HistoryStore.open({ path: file, asset });
    await s0.close();
    const child = spawn(
      process.execPath,
      [
        '-e',
        `const {DuckDBInstance}=require('@duckdb/node-api');DuckDBInstance.create(${JSON.stringify(file)}).then(()=>{console.log('ready');setInterval(()=>{},1000)})`,
      ],
      {
        cwd: path.resolve(__dirname, '../../..'),
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
        child.on('exit', () => reject(new Error('child exited')));
      });
      await expect(HistoryStore.open({ path: file, asset })).rejects.toThrow(
        /is open in another Twinscape instance/,
      );
      // The file was not set aside.
      expect(fs.readdirSync(path.dirname(file)).filter((f) => f.includes('corrupt'))).toEqual([]);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('rejects a second store on the same file in this process', async () => {
    const file = path.join(dir('lock2'), 'ws.duckdb');
    const s = await HistoryStore.open({ path: file, asset });
    await expect(HistoryStore.open({ path: file, asset })).rejects.toThrow(
      /is open in another Twinscape instance \(already open in this process\)/,
    );
    await s.close();
  });
});
