import { beforeEach, describe, expect, it } from 'vitest';
import type { WhatIfFork } from '../../core/api/domains/whatif';
import { shortcutFor } from '../../renderer/src/hooks/shortcuts';
import { playbackStore } from '../../renderer/src/state/playback-store';
import {
  forkDetail,
  forkFromPlayhead,
  forkHeadline,
  onWhatIfRequested,
} from '../../renderer/src/features/whatif/fork-from-playhead';
import { whatIfStore } from '../../renderer/src/features/whatif/whatif-store';

const T = Date.UTC(2026, 0, 1, 12, 3, 0);
const asked: unknown[] = [];
let answer: (req: { at?: number }) => Promise<WhatIfFork>;

// The renderer's TwinClient comes from window.twin (Electron's preload) when present.
(globalThis as { window?: unknown }).window = {
  twin: {
    whatifFork: (req: { at?: number }) => {
      asked.push(req);
      return answer(req);
    },
    historyAt: () => new Promise(() => undefined),
    historyNextEvent: () => Promise.resolve(null),
  },
};

const historyFork = (at: number): WhatIfFork => ({
  forkId: 'fork-7',
  simTime: at - 250,
  controls: { speed_setpoint: 46 },
  faults: [],
  origin: 'history',
  history: { requestedAt: at, snapshotTime: at - 77_250, replayedS: 77 },
});

beforeEach(() => {
  asked.length = 0;
  whatIfStore.setState({ fork: null, error: null });
  playbackStore.setState({ mode: 'replay', playhead: T, playing: true });
});

describe('What-if from here', () => {
  it('pauses the replay, shows the What-if panel and forks at the playhead', async () => {
    answer = (req) => Promise.resolve(historyFork(req.at ?? 0));
    let opened = 0;
    const stop = onWhatIfRequested(() => opened++);
    await forkFromPlayhead();
    stop();
    expect(asked).toEqual([{ at: T }]);
    expect(opened).toBe(1);
    expect(playbackStore.getState().playing).toBe(false);
    const fork = whatIfStore.getState().fork;
    expect(forkHeadline(fork)).toBe('Forked from history at 2026-01-01 12:02:59 UTC');
    expect(forkDetail(fork)).toMatch(/^Simulator state stored at 2026-01-01 12:01:42 UTC, replayed 77 s/);
  });

  it("shows the backend's reason when there is no stored state there, and keeps the previous fork", async () => {
    const previous: WhatIfFork = { forkId: 'fork-1', simTime: T, controls: {}, faults: [], origin: 'live' };
    whatIfStore.setState({ fork: previous });
    answer = () =>
      Promise.reject(
        new Error('no simulator state stored at 2026-01-01 12:03:00 UTC; this history holds none'),
      );
    await forkFromPlayhead();
    expect(whatIfStore.getState().error).toMatch(/^no simulator state stored at 2026-01-01 12:03:00 UTC/);
    expect(whatIfStore.getState().fork).toBe(previous);
  });

  it('does nothing while the timeline is live, and W is its key only while replaying', async () => {
    playbackStore.setState({ mode: 'live' });
    await forkFromPlayhead();
    expect(asked).toEqual([]);
    expect(shortcutFor({ key: 'w', replaying: true })).toBe('timeline-whatif-here');
    expect(shortcutFor({ key: 'W', replaying: true })).toBe('timeline-whatif-here');
    expect(shortcutFor({ key: 'w', replaying: false })).toBeNull();
    expect(shortcutFor({ key: 'w', replaying: true, targetTag: 'INPUT', targetType: 'text' })).toBeNull();
  });

  it('says live forks are from live', () => {
    const live: WhatIfFork = { forkId: 'f', simTime: T, controls: {}, faults: [], origin: 'live' };
    expect(forkHeadline(live)).toBe('Forked from live at 12:03:00');
    expect(forkDetail(live)).toBeNull();
    expect(forkHeadline(null)).toBe('not forked yet');
  });
});
