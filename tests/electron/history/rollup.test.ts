import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HistoryStore, type WindowQuery } from '../../../electron/services/history';
import { makeBatch, pumpSkid, tempDirsRemovedAfterAll } from './helpers';

const asset = pumpSkid();
const T0 = Date.UTC(2024, 0, 1);
const newTempDir = tempDirsRemovedAfterAll();

async function storeWith(label: string, commits: number[]): Promise<HistoryStore> {
  const d = newTempDir(label);
  const store = await HistoryStore.open({ path: path.join(d, 'ws.duckdb'), asset, flushIntervalMs: 60_000 });
  // Commits of odd sizes, so that most minutes are split between two commits (the open minute is redone).
  let start = 0;
  for (const n of commits) {
    store.append(makeBatch(asset, T0, n, start));
    await store.flush();
    start += n;
  }
  return store;
}

/** The rollup answer must equal the same grid computed from raw samples, bucket by bucket. */
async function expectSameAsRaw(store: HistoryStore, q: WindowQuery): Promise<void> {
  const fast = await store.queryWindow(q);
  const raw = await store.queryWindow({ ...q, source: 'raw' });
  expect(fast.usedRollup).toBe(true);
  expect(raw.usedRollup).toBe(false);
  expect(fast.t.length).toBeGreaterThan(0);
  expect(fast.t.length).toBeLessThanOrEqual(q.buckets);
  expect(fast).toEqual({ ...raw, usedRollup: true });
}

describe('1-minute rollup kept at every commit', () => {
  it('answers minute-or-longer buckets exactly like the raw samples, including partial edge minutes', async () => {
    const store = await storeWith('exact', [1, 59, 61, 250, 777, 1234, 3000, 818]);
    const tags = ['flow', 'motor_speed', asset.tags[0]!.id];
    for (const q of [
      { from: T0, to: T0 + 6_200_000, buckets: 100 },
      { from: T0 + 12_345, to: T0 + 6_000_500, buckets: 37 },
      { from: T0 + 59_999, to: T0 + 6_060_001, buckets: 101 },
      { from: T0 - 3_600_000, to: T0 + 9_000_000, buckets: 50 },
      { from: T0 + 30_500, to: T0 + 150_000, buckets: 1 },
    ])
      await expectSameAsRaw(store, { ...q, tagIds: tags });
    await expectSameAsRaw(store, { from: T0 + 1, to: T0 + 6_200_000, buckets: 60 });
    // Bucket starts follow the minutes; the first is clamped to the window.
    const w = await store.queryWindow({ from: T0 + 12_345, to: T0 + 6_000_500, tagIds: tags, buckets: 37 });
    expect(w.t[0]).toBe(T0 + 12_345);
    expect((w.t[1]! - T0) % 60_000).toBe(0);
    expect(w.tFirst[0]).toBe(T0 + 13_000);
    expect(w.tLast[w.t.length - 1]).toBe(T0 + 6_000_000);
    await store.close();
  });

  it('stays exact after the source clock goes back mid-minute and after reopening', async () => {
    const store = await storeWith('supersede', [700, 500]);
    await store.supersedeFrom(T0 + 630_500);
    store.append(makeBatch(asset, T0 + 500, 300, 631));
    await store.flush();
    const q = { from: T0, to: T0 + 1_200_000, buckets: 20, tagIds: ['flow'] };
    await expectSameAsRaw(store, q);
    const before = await store.queryWindow(q);
    const file = store.path;
    await store.close();
    const again = await HistoryStore.open({ path: file, asset, flushIntervalMs: 60_000 });
    expect(await again.queryWindow(q)).toEqual(before);
    await again.close();
  });

  it('keeps minutes older than raw retention in long windows, and drops them with rollup: false', async () => {
    const store = await storeWith('retention', [3600, 3600]);
    const full = await store.queryWindow({ from: T0, to: T0 + 7_200_000, tagIds: ['flow'], buckets: 60 });
    const r = await store.applyRetention({ rawDays: 1 / 24, now: T0 + 7_200_000 });
    expect(r).toMatchObject({ deletedRows: 3600, rolledUpMinutes: 60 });
    // Whole minutes: the same answer as before the raw rows went.
    expect(await store.queryWindow({ from: T0, to: T0 + 7_200_000, tagIds: ['flow'], buckets: 60 })).toEqual(
      full,
    );
    expect(await store.timeRange()).toEqual({ from: T0, to: T0 + 7_199_000 });
    await store.applyRetention({ rawDays: 0.5 / 24, now: T0 + 7_200_000, rollup: false });
    expect(await store.timeRange()).toEqual({ from: T0 + 5_400_000, to: T0 + 7_199_000 });
    await store.close();
  });
});
