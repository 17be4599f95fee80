import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { historyRequestSchemas, type HistoryGrid } from '../../../core/api/domains/history';
import { HistoryStore } from '../../../electron/services/history';
import { gridTime, readGrid, setpointsOnGrid } from '../../../electron/services/history/queries/model-grid';
import { fakeContext } from './fake-context';
import { makeBatch, pumpSkid, tempDirsRemovedAfterAll } from './helpers';

const asset = pumpSkid();
const T0 = Date.UTC(2026, 0, 1);
const MIN = 60_000;
const newTempDir = tempDirsRemovedAfterAll();

/** What makeBatch stored for tag k at 1 Hz sample i (null every 97th). */
const stored = (k: number, i: number) => ((i + k) % 97 === 0 ? null : k * 1000 + i);

describe('history grid (the health model window at a moment)', () => {
  it('resamples in SQL to the newest value per minute, empty before the data and in gaps', async () => {
    const dir = newTempDir('grid');
    const store = await HistoryStore.open({
      path: path.join(dir, 'ws.duckdb'),
      asset,
      flushIntervalMs: 60_000,
    });
    // 30 minutes of samples, then a 5-minute gap, then 10 more minutes.
    store.append(makeBatch(asset, T0, 1800));
    store.append(makeBatch(asset, T0, 600, 2100));
    await store.flush();
    const to = T0 + 2699_000 + 500; // half a second after the last sample
    const grid = await readGrid(store, { to, steps: 48, stepMs: MIN });
    expect(grid.tagIds).toEqual(asset.tags.map((t) => t.id));
    for (const [j] of asset.tags.entries()) {
      const column = grid.values[j]!;
      expect(column).toHaveLength(48);
      for (let r = 0; r < 48; r++) {
        const g = gridTime(to, 48, MIN, r);
        // The newest stored, non-missing sample in (g − 1 min, g].
        let want: number | null = null;
        for (let i = Math.floor((g - T0) / 1000); i >= 0 && T0 + i * 1000 > g - MIN; i--) {
          const present = i < 1800 || (i >= 2100 && i < 2700);
          if (present && stored(j, i) !== null) {
            want = stored(j, i);
            break;
          }
        }
        expect(column[r], `tag ${asset.tags[j]!.id} row ${r}`).toBe(want);
      }
    }
    // The first rows lie before the history starts, and the gap shows as empty rows.
    expect(grid.values[0]!.slice(0, 2)).toEqual([null, null]);
    expect(grid.values[0]!.filter((v) => v === null).length).toBeGreaterThanOrEqual(2 + 4);
    await store.close();
  });

  it('rebuilds the setpoints at each row from the recorded setpoint changes', () => {
    const changes = [
      { ts: 10 * MIN, controlId: 'speed_setpoint', from: 80, to: 90 },
      { ts: 20 * MIN, controlId: 'speed_setpoint', from: 90, to: 85 },
    ];
    const times = [5 * MIN, 10 * MIN, 15 * MIN, 25 * MIN];
    expect(setpointsOnGrid(changes, ['speed_setpoint', 'valve_setpoint'], times)).toEqual({
      speed_setpoint: [80, 90, 90, 85],
      valve_setpoint: [null, null, null, null],
    });
  });

  it('serves historyGrid with setpoints from the control-change events of the store', async () => {
    const dir = newTempDir('grid-api');
    const f = fakeContext(asset, dir);
    f.ctx.emit({ type: 'telemetry', batch: makeBatch(asset, T0, 3000) });
    // The recorder logs setpoint changes from simulator status diffs (at the status time).
    f.sim.time = T0 + 10 * MIN;
    f.ctx.emit({ type: 'sim', status: f.status() });
    f.sim.time = T0 + 20 * MIN;
    f.ctx.emit({ type: 'sim', status: f.status({ controls: { speed_setpoint: 90 } }) });
    let grid: HistoryGrid | null = null;
    for (let tries = 0; tries < 100; tries++) {
      grid = await f.call<HistoryGrid>('historyGrid', { to: T0 + 2999_000, steps: 48, stepMs: MIN });
      if (grid.setpoints.speed_setpoint?.some((v) => v === 90) && grid.values[0]?.[47] !== null) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const speed = grid!.setpoints.speed_setpoint!;
    const changeRow = speed.indexOf(90);
    expect(changeRow).toBeGreaterThan(0);
    expect(speed.slice(0, changeRow).every((v) => v === 80)).toBe(true);
    expect(speed.slice(changeRow).every((v) => v === 90)).toBe(true);
    expect(gridTime(T0 + 2999_000, 48, MIN, changeRow)).toBeGreaterThanOrEqual(T0 + 20 * MIN);
    expect(grid!.setpoints.valve_setpoint!.every((v) => v === null)).toBe(true);
    const bad = historyRequestSchemas.historyGrid.safeParse({ to: T0, steps: 48, stepMs: 10 });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['stepMs']);
    await f.dispose();
  });
});
