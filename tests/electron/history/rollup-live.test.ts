import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TelemetryBatch } from '../../../core/api/types';
import { HistoryStore } from '../../../electron/services/history';
import { ident, qualityColumn, valueColumn } from '../../../electron/services/history/store/schema';
import { pumpSkid, tempDirsRemovedAfterAll } from './helpers';

const asset = pumpSkid();
const T0 = Date.UTC(2024, 0, 1);
const newTempDir = tempDirsRemovedAfterAll();

async function openStore(label: string): Promise<HistoryStore> {
  const d = newTempDir(label);
  return HistoryStore.open({ path: path.join(d, 'ws.duckdb'), asset, flushIntervalMs: 60_000 });
}

/** Samples at the given times; values a float32 cannot hold exactly, with NaN, ±Infinity and nulls mixed in. */
function batchAt(times: number[]): TelemetryBatch {
  const values = asset.tags.map((_, k) =>
    times.map((t, i) => {
      const s = Math.round((t - T0) / 100) + k;
      if (s % 89 === 0) return null;
      if (s % 131 === 0) return Number.NaN;
      if (s % 157 === 0) return Number.POSITIVE_INFINITY;
      return Math.sin(s / 7) * 1000 + k / 3 + i * 1e-7;
    }),
  );
  const quality = asset.tags.map((_, k) => times.map((t) => (Math.round((t - T0) / 100) + k) % 6));
  return { assetId: asset.id, t: times, values, quality };
}

const run = (from: number, n: number, stepMs = 1000) =>
  Array.from({ length: n }, (_, i) => from + i * stepMs);

/** Every column of the stored rollup rows must equal the same aggregates recomputed from the raw samples. */
async function expectRollupMatchesRaw(store: HistoryStore): Promise<number> {
  // A window read brings the rollup up to date first (it trails commits by a few seconds).
  await store.queryWindow({ from: T0, to: T0 + 3_600_000, tagIds: ['flow'], buckets: 1 });
  const { reader, tables } = store.connections;
  const cols = asset.tags.flatMap((t) => {
    const v = ident(valueColumn(t.id));
    return [
      [`avg(${v})::FLOAT`, `avg_${t.id}`],
      [`min(${v})`, `min_${t.id}`],
      [`max(${v})`, `max_${t.id}`],
      [`max(${ident(qualityColumn(t.id))})`, qualityColumn(t.id)],
      [`arg_min(${v}, ts)`, `first_${t.id}`],
      [`arg_max(${v}, ts)`, `last_${t.id}`],
    ];
  });
  const expected = (
    await reader.runAndReadAll(
      `SELECT ts // 60000 * 60000 AS m, count(*)::INTEGER, min(ts), max(ts), ${cols.map((c) => c[0]).join(', ')} FROM ${ident(tables.samples)} GROUP BY m ORDER BY m`,
    )
  ).getRows();
  const stored = (
    await reader.runAndReadAll(
      `SELECT ts, n, t_first, t_last, ${cols.map((c) => ident(c[1] as string)).join(', ')} FROM ${ident(tables.rollup)} ORDER BY ts`,
    )
  ).getRows();
  expect(stored.length).toBeGreaterThan(0);
  expect(stored).toEqual(expected);
  return stored.length;
}

describe('1-minute rollup rows', () => {
  it('matches the raw aggregates column by column for live-sized commits of messy values', async () => {
    const store = await openStore('live');
    let t = T0 + 250;
    // Commits of 1–13 samples at 10 Hz, as the live recorder makes them: minutes span many commits.
    for (let c = 0; c < 400; c++) {
      const n = 1 + ((c * 7) % 13);
      store.append(batchAt(run(t, n, 100)));
      if (c % 3 === 0) store.append(batchAt(run(t + n * 100, 2, 100)));
      t += (n + (c % 3 === 0 ? 2 : 0)) * 100;
      await store.flush();
    }
    expect(await expectRollupMatchesRaw(store)).toBeGreaterThanOrEqual(6);
    await store.close();
  });

  it('stays exact for a batch out of time order, an overlapping batch, and after reopening mid-minute', async () => {
    const store = await openStore('unordered');
    store.append(batchAt(run(T0, 90)));
    await store.flush();
    // Not in time order within the batch.
    store.append(batchAt([T0 + 95_000, T0 + 91_000, T0 + 93_000, T0 + 130_000, T0 + 92_000]));
    await store.flush();
    // Reaches back before the newest committed sample (an import-like overlap).
    store.append(batchAt(run(T0 + 90_500, 50, 1000)));
    await store.flush();
    // In order again, continuing the minute the fallback left open.
    store.append(batchAt(run(T0 + 140_500, 30)));
    await store.flush();
    await expectRollupMatchesRaw(store);

    const file = store.path;
    await store.close();
    const again = await HistoryStore.open({ path: file, asset, flushIntervalMs: 60_000 });
    // Continues the minute left open before closing, then crosses into new ones.
    again.append(batchAt(run(T0 + 170_750, 100, 500)));
    await again.flush();
    await expectRollupMatchesRaw(again);
    const w = await again.queryWindow({ from: T0, to: T0 + 240_000, tagIds: ['flow'], buckets: 4 });
    const raw = await again.queryWindow({
      from: T0,
      to: T0 + 240_000,
      tagIds: ['flow'],
      buckets: 4,
      source: 'raw',
    });
    expect(w.usedRollup).toBe(true);
    expect(w).toEqual({ ...raw, usedRollup: true });
    await again.close();
  });
});
