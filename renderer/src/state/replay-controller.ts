import type { HistoryEventItem } from '../../../core/api/domains/history';
import type { TwinApi } from '../../../core/api/twin-api';
import { goLive, playbackStore } from './playback-store';
import { latestWins, type Clock } from './latest-wins';
import { setRecordedPredictiveAlarm } from './predictive-alarm-store';
import { advancePlayhead, followPlayhead, stepSize, type TimeView } from './timeline-math';

/** At most this many playhead fetches per second while scrubbing or playing. */
export const MAX_FETCHES_PER_S = 10;

export type ReplayClient = Pick<TwinApi, 'historyAt' | 'historyNextEvent'>;

export interface ReplayController {
  /** Enters replay (if live) and moves the playhead to t, clamped to the stored span. */
  seek(t: number): void;
  /** Moves the playhead by one step (about 1/100 of the visible span). */
  step(direction: -1 | 1): void;
  /** Jumps to the previous/next alarm or event; resolves with it, or null when there is none. */
  jumpToEvent(direction: -1 | 1): Promise<HistoryEventItem | null>;
  toStart(): void;
  toEnd(): void;
  togglePlay(): void;
  pause(): void;
  setSpeed(speed: number): void;
  /** Advances a playing playhead by `wallMs` of wall time (called once per animation frame). */
  tick(wallMs: number): void;
  live(): void;
}

const store = playbackStore;

export function createReplayController(client: ReplayClient, clock?: Clock): ReplayController {
  const fetchAt = latestWins<number>(
    async (t) => {
      const r = await client.historyAt({ t: Math.round(t) });
      // A late answer must not overwrite live mode or a newer playhead's state.
      if (store.getState().mode !== 'replay') return;
      store.setState({
        values: Float32Array.from(r.values, (v) => v ?? Number.NaN),
        quality: Uint8Array.from(r.quality),
        alarms: r.alarms,
      });
      setRecordedPredictiveAlarm(r.predictive);
    },
    1000 / MAX_FETCHES_PER_S,
    clock,
  );

  const bounds = (): TimeView | null => store.getState().range;
  const here = (): number => {
    const s = store.getState();
    return s.mode === 'replay' ? s.playhead : (s.range?.to ?? Date.now());
  };

  const seek = (t: number) => {
    const s = store.getState();
    const range = s.range;
    if (!range) return;
    const playhead = Math.round(Math.min(range.to, Math.max(range.from, t)));
    const view = s.view ? followPlayhead(s.view, playhead, range) : s.view;
    store.setState({ mode: 'replay', playhead, view });
    fetchAt(playhead);
  };

  return {
    seek,
    step(direction) {
      const view = store.getState().view;
      if (view) seek(here() + direction * stepSize(view));
    },
    async jumpToEvent(direction) {
      const found = await client.historyNextEvent({
        t: Math.round(here()),
        direction: direction > 0 ? 'forward' : 'backward',
      });
      if (found) seek(found.ts);
      return found;
    },
    toStart() {
      const range = bounds();
      if (range) seek(range.from);
    },
    toEnd() {
      const range = bounds();
      if (range) seek(range.to);
    },
    togglePlay() {
      const s = store.getState();
      if (s.playing) return store.setState({ playing: false });
      if (!s.range) return;
      // From live, or from the end, playing starts at the left edge of the visible span.
      if (s.mode === 'live' || s.playhead >= s.range.to) seek(s.view?.from ?? s.range.from);
      store.setState({ playing: true });
    },
    pause() {
      store.setState({ playing: false });
    },
    setSpeed(speed) {
      store.setState({ speed });
    },
    tick(wallMs) {
      const s = store.getState();
      if (!s.playing || s.mode !== 'replay' || !s.range) return;
      const next = advancePlayhead(s.playhead, wallMs, s.speed, s.range.to);
      seek(next.playhead);
      if (next.ended) store.setState({ playing: false });
    },
    live() {
      goLive();
    },
  };
}
