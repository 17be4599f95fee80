import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import type { PumpSkidSnapshot } from '../../../core/sim';
import { HistoryStore } from '../../../electron/services/history/store/history-store';
import { simulatorStateAt } from '../../../electron/services/history/snapshots/snapshot-fork';
import {
  SnapshotLog,
  snapshotAtOrBefore,
  snapshotStats,
} from '../../../electron/services/history/snapshots/snapshots';
import { LiveSimulation, type LiveSnapshot } from '../../../electron/services/live-simulation';
import { pumpSkid, tempDir } from './helpers';

const asset = pumpSkid();
const T0 = Date.UTC(2026, 0, 1);
const MIN = 60_000;
const dir = tempDir('snapshots');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A live simulator recording into a store at `file`, advanced by hand one simulated second per sample. */
async function recording(file: string, seed = 7) {
  const store = await HistoryStore.open({ path: path.join(dir, file), asset, flushIntervalMs: 60_000 });
  const log = await SnapshotLog.open(store, { flushIntervalMs: 60_000 });
  const seen: LiveSnapshot[] = [];
  const live = new LiveSimulation({
    asset,
    seed,
    onTelemetry: (b) => store.append(b),
    onAlarms: () => undefined,
    now: () => 0,
  });
  live.onSnapshot((s) => {
    seen.push(s);
    log.add(s);
  });
  const run = (seconds: number) => {
    for (let i = 0; i < seconds; i++) live.advance(1000);
  };
  return { store, log, live, seen, run };
}

describe('simulator states in the history store', () => {
  it('are stored at the start, every 5 simulated minutes and after every input, and read back exactly', async () => {
    const r = await recording('interval.duckdb');
    r.run(7 * 60);
    r.live.setControl('speed_setpoint', 44);
    r.run(5 * 60 + 30);
    await r.log.flush();

    expect(r.seen.map((s) => [(s.snapshot.simTime - T0) / 1000, s.reason])).toEqual([
      [1, 'start'],
      [300, 'interval'],
      [420, 'input'],
      [600, 'interval'],
    ]);
    const stats = await snapshotStats(r.store);
    expect(stats).toMatchObject({ count: 4, from: T0 + 1000, to: T0 + 600_000 });
    // ~900 B of JSON deflate to about 540 B each.
    expect(stats.bytes / stats.count).toBeLessThan(700);

    const back = await snapshotAtOrBefore(r.store, T0 + 9 * MIN);
    expect(back?.reason).toBe('input');
    expect(back?.stepS).toBe(1);
    expect(back?.snapshot).toEqual(r.seen[2]?.snapshot);
    expect(back?.snapshot.controls.speed_setpoint).toBe(44);
    await r.store.close();
  });

  it('rebuild the live state at any sample time, bit for bit, across a setpoint change and a fault', async () => {
    const r = await recording('exact.duckdb', 11);
    r.run(6 * 60);
    r.live.injectFault({ faultId: 'bearing_wear', severity: 0.3, growthPerHour: 0.5 });
    r.run(70);
    r.live.setControl('valve_setpoint', 60);
    r.run(95);
    const expected: PumpSkidSnapshot = r.live.snapshot();
    await r.log.flush();

    const at = expected.simTime + 400; // between two samples: the fork stands at the last one before
    const state = await simulatorStateAt(r.store, at);
    expect(state.simTime).toBe(expected.simTime);
    expect(state.snapshotTime).toBe(T0 + (6 * 60 + 70) * 1000);
    expect(state.replayedS).toBe(95);
    expect(state.snapshot).toEqual(expected);
    await r.store.close();
  });

  it('say which state is nearest when none is stored close enough before the time asked', async () => {
    const r = await recording('none.duckdb');
    r.run(30);
    await r.log.flush();
    await expect(simulatorStateAt(r.store, T0)).rejects.toThrow(
      'no simulator state stored at 2026-01-01 00:00:00 UTC; the nearest is 2026-01-01 00:00:01 UTC (1 s later)',
    );
    await r.store.close();

    const imported = await HistoryStore.open({ path: path.join(dir, 'imported.duckdb'), asset });
    await expect(simulatorStateAt(imported, T0 + 12 * 3_600_000 + 3 * MIN)).rejects.toThrow(
      /^no simulator state stored at 2026-01-01 12:03:00 UTC; this history holds none/,
    );
    await imported.close();
  });

  it('go on after those of the earlier run when the simulator is reset, and go with retention', async () => {
    const r = await recording('reset.duckdb');
    r.run(11 * 60);
    r.live.setControl('speed_setpoint', 44);
    // The reset at the same instant as that input: the fresh plant's state supersedes it.
    r.live.reset(3);
    r.run(2 * 60);
    await r.log.flush();
    const after = await snapshotStats(r.store);
    expect(after).toMatchObject({ count: 4, from: T0 + 1000, to: T0 + 11 * MIN });
    expect((await snapshotAtOrBefore(r.store, T0 + MIN))?.snapshot.seed).toBe(7);
    const reset = await snapshotAtOrBefore(r.store, T0 + 12 * MIN);
    expect(reset).toMatchObject({ ts: T0 + 11 * MIN, reason: 'start' });
    expect(reset?.snapshot.seed).toBe(3);

    r.run(60 * 60);
    await r.log.flush();
    await r.store.applyRetention({ rawDays: 0.5 / 24, now: T0 + 62 * MIN });
    const kept = await snapshotStats(r.store);
    expect(kept.from).toBe(T0 + 35 * MIN);
    await r.store.close();
  });

  it('from a clock behind the stored ones are left out, as their samples are', async () => {
    const first = await recording('restart.duckdb', 5);
    first.run(10 * 60);
    await first.log.flush();
    expect(await snapshotStats(first.store)).toMatchObject({ count: 3, from: T0 + 1000 });
    await first.store.close();

    const second = await recording('restart.duckdb', 9);
    second.run(30);
    await second.log.flush();
    expect(await snapshotStats(second.store)).toMatchObject({ count: 3, from: T0 + 1000, to: T0 + 10 * MIN });
    expect((await snapshotAtOrBefore(second.store, T0 + 20_000))?.snapshot.seed).toBe(5);
    await second.store.close();
  });

  it('an older store file without the table still opens, and gets it', async () => {
    const file = path.join(dir, 'old.duckdb');
    const first = await HistoryStore.open({ path: file, asset });
    await first.close();
    const db = await DuckDBInstance.create(file);
    const c = await db.connect();
    await c.run('DROP TABLE sim_snapshots');
    c.closeSync();
    db.closeSync();

    const reopened = await HistoryStore.open({ path: file, asset });
    expect(reopened.problems).toEqual([]);
    expect(await snapshotStats(reopened)).toMatchObject({ count: 0 });
    await reopened.close();
  });
});
