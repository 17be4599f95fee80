import { beforeEach, describe, expect, it } from 'vitest';
import type { HistoryAt, HistoryEventItem } from '../../core/api/domains/history';
import { placeMarkers, markerStyle } from '../../renderer/src/features/history/timeline/event-markers';
import { latestWins, type Clock } from '../../renderer/src/state/latest-wins';
import { createReplayController } from '../../renderer/src/state/replay-controller';
import { playbackStore } from '../../renderer/src/state/playback-store';

const T0 = Date.UTC(2026, 0, 1);
const H = 3_600_000;

/** A clock the test advances by hand. */
function manualClock() {
  let now = 0;
  let timers: { at: number; fn: () => void }[] = [];
  const clock: Clock = {
    now: () => now,
    setTimeout: (fn, ms) => timers.push({ at: now + ms, fn }),
  };
  const advance = async (ms: number) => {
    now += ms;
    const due = timers.filter((t) => t.at <= now);
    timers = timers.filter((t) => t.at > now);
    for (const t of due) t.fn();
    await Promise.resolve();
    await Promise.resolve();
  };
  return { clock, advance };
}

describe('latest-wins throttle', () => {
  it('sends at most one request per interval, and only the newest of those made meanwhile', async () => {
    const { clock, advance } = manualClock();
    const sent: number[] = [];
    const call = latestWins(async (t: number) => void sent.push(t), 100, clock);
    call(1);
    for (let t = 2; t <= 30; t++) call(t);
    await advance(0);
    expect(sent).toEqual([1]);
    await advance(100);
    expect(sent).toEqual([1, 30]);
    // 1 s of scrubbing at 60 calls/s: ≤ 10 requests, the last one for the final position.
    for (let i = 0; i < 60; i++) {
      call(100 + i);
      await advance(1000 / 60);
    }
    await advance(200);
    expect(sent.length - 2).toBeLessThanOrEqual(11);
    expect(sent.at(-1)).toBe(159);
  });
});

describe('event markers', () => {
  const item = (
    ts: number,
    kind: HistoryEventItem['kind'],
    priority?: 'high' | 'medium' | 'low',
  ): HistoryEventItem => ({
    ts,
    kind,
    label: kind,
    payload: null,
    ...(priority ? { priority } : {}),
  });
  it('codes alarms by priority shape and color, other events by shape', () => {
    expect(markerStyle(item(0, 'alarm', 'high'))).toEqual({ shape: '▲', className: 'prio-high' });
    expect(markerStyle(item(0, 'fault-injection')).shape).toBe('✕');
    expect(markerStyle(item(0, 'bookmark')).shape).toBe('⚑');
  });
  it('merges events closer than a few pixels, keeping the most important', () => {
    const view = { from: T0, to: T0 + H };
    const placed = placeMarkers(
      [
        item(T0 + 1000, 'control-change'),
        item(T0 + 2000, 'alarm', 'high'),
        item(T0 + H / 2, 'bookmark'),
        item(T0 + 2 * H, 'bookmark'),
      ],
      view,
      1000,
    );
    expect(placed.map((m) => [Math.round(m.x), m.item.kind, m.count])).toEqual([
      [0, 'alarm', 2],
      [500, 'bookmark', 1],
    ]);
  });
});

describe('replay controller', () => {
  const asked: number[] = [];
  const events = [T0 + 10 * 60_000, T0 + 40 * 60_000];
  const client = {
    historyAt: async ({ t }: { t: number }): Promise<HistoryAt> => {
      asked.push(t);
      return { t, values: [t / 1000, null], quality: [0, 3], sampleTime: t, alarms: [], predictive: null };
    },
    historyNextEvent: async ({ t, direction }: { t: number; direction: 'forward' | 'backward' }) => {
      const ts =
        direction === 'forward' ? events.find((e) => e > t) : [...events].reverse().find((e) => e < t);
      return ts === undefined ? null : ({ ts, kind: 'alarm', label: 'x', payload: null } as HistoryEventItem);
    },
  };
  beforeEach(() => {
    asked.length = 0;
    playbackStore.setState({
      mode: 'live',
      playing: false,
      speed: 60,
      range: { from: T0, to: T0 + H },
      view: { from: T0, to: T0 + H },
      values: null,
      alarms: null,
      quality: null,
    });
  });

  it('enters replay at a clamped playhead and shows the state fetched for it', async () => {
    const c = createReplayController(client);
    c.seek(T0 - 5000);
    expect(playbackStore.getState()).toMatchObject({ mode: 'replay', playhead: T0 });
    await new Promise((r) => setTimeout(r, 0));
    expect(Array.from(playbackStore.getState().values ?? [])).toEqual([T0 / 1000, Number.NaN]);
    c.live();
    expect(playbackStore.getState()).toMatchObject({ mode: 'live', values: null });
  });

  it('jumps to the previous and next event, from the end of history when live', async () => {
    const c = createReplayController(client);
    expect((await c.jumpToEvent(-1))?.ts).toBe(T0 + 40 * 60_000);
    expect(playbackStore.getState().playhead).toBe(T0 + 40 * 60_000);
    expect((await c.jumpToEvent(-1))?.ts).toBe(T0 + 10 * 60_000);
    expect(await c.jumpToEvent(-1)).toBeNull();
    expect(playbackStore.getState().playhead).toBe(T0 + 10 * 60_000);
    expect((await c.jumpToEvent(1))?.ts).toBe(T0 + 40 * 60_000);
  });

  it('plays at the chosen speed and stops at the newest sample', () => {
    const c = createReplayController(client);
    c.seek(T0);
    c.setSpeed(1000);
    c.togglePlay();
    c.tick(500);
    expect(playbackStore.getState().playhead).toBe(T0 + 500_000);
    c.tick(10_000);
    expect(playbackStore.getState()).toMatchObject({ playhead: T0 + H, playing: false });
  });

  it('steps by a hundredth of the view', () => {
    const c = createReplayController(client);
    c.seek(T0 + H / 2);
    c.step(1);
    expect(playbackStore.getState().playhead).toBe(T0 + H / 2 + 60_000);
  });
});

describe('timeline keys', () => {
  it('gives Space to the replay while replaying and arrows/Home/End to the timeline', async () => {
    const { shortcutFor } = await import('../../renderer/src/hooks/shortcuts');
    expect(shortcutFor({ key: ' ', targetTag: 'BODY' })).toBe('run-pause');
    expect(shortcutFor({ key: ' ', targetTag: 'BODY', replaying: true })).toBe('timeline-play-pause');
    expect(shortcutFor({ key: 'ArrowLeft' })).toBe('timeline-step-back');
    expect(shortcutFor({ key: 'ArrowRight', shiftKey: true })).toBe('timeline-next-event');
    expect(shortcutFor({ key: 'Home' })).toBe('timeline-start');
    expect(shortcutFor({ key: 'End', targetTag: 'INPUT', targetType: 'text' })).toBeNull();
  });
});
