import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { HistoryInfo } from '../../../core/api/domains/history';
import { HistoryStore } from '../../../electron/services/history';
import type { RecordingState } from '../../../electron/services/history/store/store-types';
import { fakeContext } from './fake-context';
import { makeBatch, pumpSkid, tempDirsRemovedAfterAll } from './helpers';

const asset = pumpSkid();
const T0 = Date.UTC(2026, 0, 1);
const dir = tempDirsRemovedAfterAll();

/** A disk that fails while `failing` is set: the commit throws just before COMMIT, as a full disk would. */
function flakyDisk() {
  const disk = { failing: false };
  const beforeCommit = () => {
    if (disk.failing) throw new Error('IO Error: No space left on device');
  };
  return { disk, beforeCommit };
}

describe('a failing disk pauses recording', () => {
  it('keeps at most N pending samples, counts the dropped ones, and stores the newest once the disk works', async () => {
    const { disk, beforeCommit } = flakyDisk();
    const changes: RecordingState[] = [];
    const store = await HistoryStore.open({
      path: path.join(dir('pause'), 'h.duckdb'),
      asset,
      flushIntervalMs: 60_000,
      maxPendingSamples: 500,
      beforeCommit,
      onRecordingChange: (s) => changes.push(s),
    });
    try {
      store.append(makeBatch(asset, T0, 100));
      await store.flush();
      disk.failing = true;
      for (let k = 1; k <= 10; k++) {
        store.append(makeBatch(asset, T0, 100, k * 100));
        await expect(store.flush()).rejects.toThrow('No space left on device');
      }
      expect(store.recording).toEqual({
        pausedReason: 'IO Error: No space left on device',
        samplesNotStored: 500,
        pendingSamples: 500,
      });
      expect(changes).toHaveLength(1);

      disk.failing = false;
      await store.flush();
      expect(store.recording).toEqual({ pausedReason: null, samplesNotStored: 500, pendingSamples: 0 });
      expect(changes.map((c) => c.pausedReason)).toEqual(['IO Error: No space left on device', null]);
      // The first 100 and the newest 500 are stored; the 500 in between were dropped.
      expect(await store.sampleCount()).toBe(600);
      expect(await store.timeRange()).toEqual({ from: T0, to: T0 + 1099 * 1000 });
    } finally {
      disk.failing = false;
      await store.close();
    }
  });

  it('shows "History paused: <reason>" once, in historyInfo and a notice, and "resumed" with the loss', async () => {
    const { disk, beforeCommit } = flakyDisk();
    const f = fakeContext(asset, dir('notice'), { store: { beforeCommit, maxPendingSamples: 200 } });
    const info = () => f.call<HistoryInfo>('historyInfo');
    const notices = () =>
      f.emitted.flatMap((e) => (e.type === 'notice' && e.message.startsWith('History ') ? [e.message] : []));
    try {
      await info();
      disk.failing = true;
      for (let k = 0; k < 5; k++)
        f.ctx.emit({ type: 'telemetry', batch: makeBatch(asset, T0, 100, k * 100) });
      await vi.waitFor(async () => expect((await info()).recording.pausedReason).toMatch(/No space left/), {
        timeout: 5000,
        interval: 20,
      });
      // Every batch has been tried once the 300 samples beyond the 200-sample buffer are counted as lost.
      await vi.waitFor(
        async () =>
          expect((await info()).recording).toMatchObject({ samplesNotStored: 300, pendingSamples: 200 }),
        { timeout: 5000, interval: 20 },
      );
      expect(notices()).toEqual([
        expect.stringMatching(/^History paused: IO Error: No space left on device\./),
      ]);

      disk.failing = false;
      await vi.waitFor(async () => expect((await info()).recording.pausedReason).toBeNull(), {
        timeout: 5000,
        interval: 20,
      });
      expect((await info()).sampleCount).toBe(200);
      expect(notices()[1]).toBe(
        'History resumed: recording again; 300 samples could not be stored while the disk failed.',
      );
    } finally {
      // A failed assertion above must show as itself, not as the closing flush's disk error.
      disk.failing = false;
      await f.dispose();
    }
  });
});

describe('the commit mark', () => {
  it('is replaced through a temporary file, leaving no temporary behind', async () => {
    const file = path.join(dir('mark'), 'h.duckdb');
    const store = await HistoryStore.open({ path: file, asset, flushIntervalMs: 60_000 });
    try {
      // A stale temporary from a crash mid-write must not stop the next mark.
      fs.writeFileSync(`${file}.commit.tmp`, '{"seq":');
      store.append(makeBatch(asset, T0, 10));
      const info = await store.flush();
      expect(JSON.parse(fs.readFileSync(`${file}.commit`, 'utf8'))).toEqual({
        seq: info!.seq,
        lastTs: T0 + 9000,
      });
      expect(fs.existsSync(`${file}.commit.tmp`)).toBe(false);
    } finally {
      await store.close();
    }
  });
});
