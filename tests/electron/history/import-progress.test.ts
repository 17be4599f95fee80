import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HistoryEvent, ImportReport } from '../../../core/api/domains/history';
import { HistoryStore, importFile } from '../../../electron/services/history';
import { CancelGuard, ImportCancelledError } from '../../../electron/services/history/import/import-cancel';
import {
  throttleProgress,
  type ThrottleClock,
} from '../../../electron/services/history/import/progress-throttle';
import { fakeContext } from './fake-context';
import { makeBatch, pumpSkid, tempDirsRemovedAfterAll } from './helpers';

const asset = pumpSkid();
const T0 = Date.UTC(2026, 0, 1);
const dir = tempDirsRemovedAfterAll();

type Progress = Extract<HistoryEvent, { type: 'history-import-progress' }>;

/** A CSV of `rows` samples at 1 Hz from `t0`: flow = 100 + i % 50, discharge pressure = 4 + (i % 7) / 10. */
function bigCsv(folder: string, rows: number, t0: number, flow = (i: number) => 100 + (i % 50)): string {
  const file = path.join(folder, `big-${rows}.csv`);
  const lines = ['time,flow,p_out'];
  for (let i = 0; i < rows; i++) lines.push(`${t0 + i * 1000},${flow(i)},${4 + (i % 7) / 10}`);
  fs.writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

/** A clock the test advances by hand. */
function manualClock() {
  let now = 0;
  const timers: { at: number; fn: () => void; id: number }[] = [];
  let ids = 0;
  const clock: ThrottleClock = {
    now: () => now,
    setTimeout: (fn, ms) => {
      timers.push({ at: now + ms, fn, id: ++ids });
      return ids;
    },
    clearTimeout: (h) => {
      const i = timers.findIndex((t) => t.id === h);
      if (i >= 0) timers.splice(i, 1);
    },
  };
  const advance = (ms: number) => {
    now += ms;
    for (const t of timers.filter((x) => x.at <= now)) {
      timers.splice(timers.indexOf(t), 1);
      t.fn();
    }
  };
  return { clock, advance };
}

describe('import progress throttling', () => {
  it('sends at most one report per 100 ms, the newest, and every phase change at once', () => {
    const { clock, advance } = manualClock();
    const sent: { at: number; phase: string; fraction: number }[] = [];
    const report = throttleProgress<{ phase: string; fraction: number }>(
      (p) => sent.push({ at: clock.now(), ...p }),
      (p) => p.phase,
      100,
      clock,
    );
    // 50 reading reports 10 ms apart (0.5 s): the first at once, then one per 100 ms, each the newest.
    for (let i = 0; i < 50; i++) {
      report({ phase: 'reading', fraction: i / 100 });
      advance(10);
    }
    const reading = sent.filter((s) => s.phase === 'reading');
    expect(reading.length).toBeGreaterThanOrEqual(5);
    expect(reading.length).toBeLessThanOrEqual(6);
    for (let i = 1; i < reading.length; i++)
      expect(reading[i]!.at - reading[i - 1]!.at).toBeGreaterThanOrEqual(100);
    expect(reading[0]!.fraction).toBe(0);
    expect(reading.at(-1)!.fraction).toBeGreaterThan(0.4);
    // A phase change is not held back, even 1 ms after the last report.
    report({ phase: 'reading', fraction: 0.29 });
    report({ phase: 'merging', fraction: 0.3 });
    expect(sent.at(-1)).toMatchObject({ phase: 'merging', fraction: 0.3 });
    // A held report goes out on flush (the import has ended).
    report({ phase: 'merging', fraction: 0.9 });
    expect(sent.at(-1)!.fraction).toBe(0.3);
    report.flush();
    expect(sent.at(-1)!.fraction).toBe(0.9);
    advance(1000);
    expect(sent.filter((s) => s.fraction === 0.9)).toHaveLength(1);
  });
});

describe('import progress events and cancel', () => {
  it('pushes throttled history-import-progress events for its id, ending with done', async () => {
    const folder = dir('progress');
    const f = fakeContext(asset, folder);
    const file = bigCsv(folder, 300_000, T0 + 86_400_000);
    const events: (Progress & { at: number })[] = [];
    f.ctx.subscribe((e) => {
      if (e.type === 'history-import-progress') events.push({ ...e, at: performance.now() });
    });
    const report = await f.call<ImportReport>('importHistory', {
      path: file,
      importId: 'imp-300k',
      timestampColumn: 'time',
      timestampFormat: 'epoch-ms',
      columns: { flow: 'flow', p_out: 'discharge_pressure' },
    });
    expect(report.rowsInserted).toBe(300_000);
    expect(events.length).toBeGreaterThanOrEqual(3);
    expect(events.every((e) => e.importId === 'imp-300k')).toBe(true);
    expect(events[0]).toMatchObject({ phase: 'reading', fraction: 0, cancellable: true });
    expect(events.at(-1)).toMatchObject({ phase: 'done', fraction: 1, cancellable: false });
    const between = events.filter((e) => e.fraction > 0 && e.fraction < 1);
    expect(between.length).toBeGreaterThan(0);
    expect(events.find((e) => e.phase === 'merging')?.rows).toBe(300_000);
    for (let i = 1; i < events.length; i++) {
      expect(events[i]!.fraction).toBeGreaterThanOrEqual(events[i - 1]!.fraction);
      // Within a phase, reports are at least ~100 ms apart (timer slack allowed).
      if (events[i]!.phase === events[i - 1]!.phase)
        expect(events[i]!.at - events[i - 1]!.at).toBeGreaterThanOrEqual(90);
    }
    await f.dispose();
  }, 60_000);

  it('announces the stored span when an import finishes, so timelines show history no live sample brought', async () => {
    const folder = dir('range');
    const f = fakeContext(asset, folder);
    const file = bigCsv(folder, 400, T0);
    await f.call<ImportReport>('importHistory', {
      path: file,
      importId: 'imp-range',
      timestampColumn: 'time',
      timestampFormat: 'epoch-ms',
      columns: { flow: 'flow' },
    });
    expect(f.emitted.filter((e) => e.type === 'history-range')).toEqual([
      { type: 'history-range', assetId: asset.id, from: T0, to: T0 + 399_000, newEvents: 0 },
    ]);
    await f.dispose();
  });

  it('cancels as the file starts to be read: the import rejects and nothing is stored', async () => {
    const folder = dir('cancel-read');
    const f = fakeContext(asset, folder);
    const file = bigCsv(folder, 300_000, T0 + 86_400_000);
    let answer: Promise<unknown> | null = null;
    f.ctx.subscribe((e) => {
      if (e.type === 'history-import-progress' && e.phase === 'reading' && !answer)
        answer = f.call('cancelImport', { importId: 'imp-c' });
    });
    const run = f.call<ImportReport>('importHistory', {
      path: file,
      importId: 'imp-c',
      timestampColumn: 'time',
      timestampFormat: 'epoch-ms',
      columns: { flow: 'flow' },
    });
    await expect(run).rejects.toThrow(/^Import cancelled: nothing from ".*big-300000\.csv" was stored\.$/);
    await expect(answer).resolves.toEqual({ cancelled: true });
    const info = await f.call<{ sampleCount: number }>('historyInfo');
    expect(info.sampleCount).toBe(0);
    // The id is free again and an unknown one says so.
    await expect(f.call('cancelImport', { importId: 'imp-c' })).resolves.toMatchObject({
      cancelled: false,
      reason: 'no import "imp-c" is running',
    });
    await f.dispose();
  }, 60_000);

  it('cancels when the cancel follows the request at once, before the store has even opened', async () => {
    const folder = dir('cancel-at-once');
    const f = fakeContext(asset, folder);
    const file = bigCsv(folder, 50_000, T0 + 86_400_000);
    const run = f.call<ImportReport>('importHistory', {
      path: file,
      importId: 'imp-now',
      timestampColumn: 'time',
      timestampFormat: 'epoch-ms',
      columns: { flow: 'flow' },
    });
    const answer = f.call('cancelImport', { importId: 'imp-now' });
    await expect(answer).resolves.toEqual({ cancelled: true });
    await expect(run).rejects.toThrow(/^Import cancelled/);
    const info = await f.call<{ sampleCount: number }>('historyInfo');
    expect(info.sampleCount).toBe(0);
    await f.dispose();
  }, 60_000);

  it('cancels in the middle of the merge: stored values are not half overwritten', async () => {
    const folder = dir('cancel-merge');
    const store = await HistoryStore.open({
      path: path.join(folder, 'ws.duckdb'),
      asset,
      flushIntervalMs: 60_000,
    });
    const flowK = asset.tags.findIndex((t) => t.id === 'flow');
    store.append(makeBatch(asset, T0, 600));
    await store.flush();
    const before = await store.valuesAt(T0 + 300_000);
    // The file overlaps the stored 10 minutes (updates) and runs past them (inserts).
    const file = bigCsv(folder, 1200, T0, () => 999);
    const controller = new AbortController();
    const phases: string[] = [];
    const run = importFile(store, file, {
      timestampColumn: 'time',
      timestampFormat: 'epoch-ms',
      columns: { flow: 'flow' },
      signal: controller.signal,
      // Cancel right after the UPDATE of the stored rows ran inside the merge transaction.
      onProgress: (p) => {
        phases.push(`${p.phase} ${p.fraction}`);
        if (p.phase === 'merging' && p.fraction >= 0.5) controller.abort();
      },
    });
    await expect(run).rejects.toBeInstanceOf(ImportCancelledError);
    expect(phases).toContain('merging 0.5');
    expect(phases.some((p) => p.startsWith('done'))).toBe(false);
    expect(await store.sampleCount()).toBe(600);
    const after = await store.valuesAt(T0 + 300_000);
    expect(after.values[flowK]).toBe(before.values[flowK]);
    expect(after.values[flowK]).not.toBe(999);
    // The store still takes imports afterwards.
    const again = await importFile(store, file, {
      timestampColumn: 'time',
      timestampFormat: 'epoch-ms',
      columns: { flow: 'flow' },
    });
    expect(again).toMatchObject({ rowsUpdated: 600, rowsInserted: 600 });
    await store.close();
  }, 60_000);
});

describe('CancelGuard', () => {
  it('interrupts the statement running on the writer and turns its error into ImportCancelledError', async () => {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const instance = await DuckDBInstance.create(':memory:');
    const conn = await instance.connect();
    const controller = new AbortController();
    const guard = new CancelGuard(conn, 'slow.csv', controller.signal);
    const slow = conn.run('SELECT count(*) FROM range(20000000000) t(i) WHERE i % 7 = 3');
    setTimeout(() => controller.abort(), 50);
    const started = performance.now();
    const error = await slow.then(
      () => null,
      (e: unknown) => guard.wrap(e),
    );
    expect(performance.now() - started).toBeLessThan(5000);
    expect(error).toBeInstanceOf(ImportCancelledError);
    expect(() => guard.check()).toThrow(ImportCancelledError);
    // Once closed (committing), a cancel is ignored and the connection keeps working.
    guard.close();
    expect(guard.cancelled).toBe(false);
    expect((await conn.runAndReadAll('SELECT 42')).getRows()).toEqual([[42]]);
    conn.closeSync();
    instance.closeSync();
  });
});
