import type { WhatIfFork } from '../../../../core/api/domains/whatif';
import { i18n } from '../../i18n/i18n';
import { getTwinClient } from '../../api/client';
import { replayController } from '../../state/replay';
import { formatClock, formatDateTime } from '../../format';
import { playbackStore } from '../../state/playback-store';
import { whatIfStore } from './whatif-store';

/** Who brings the What-if tab forward (the App, which owns the side panel's tab). */
const openers = new Set<() => void>();

/** Registers what shows the What-if panel when a fork from the playhead is asked for; returns the unsubscribe. */
export function onWhatIfRequested(open: () => void): () => void {
  openers.add(open);
  return () => openers.delete(open);
}

/** Whether "What-if from here" applies now: only while replaying history. */
export const canForkFromPlayhead = (): boolean => playbackStore.getState().mode === 'replay';

/**
 * "What-if from here": pauses the replay, shows the What-if panel and forks the simulator state at the
 * playhead from the history store (the backend replays it from the nearest stored state before).
 */
export async function forkFromPlayhead(): Promise<void> {
  if (!canForkFromPlayhead()) return;
  replayController().pause();
  const at = playbackStore.getState().playhead;
  for (const open of openers) open();
  whatIfStore.setState({ error: null });
  try {
    const fork = await getTwinClient().whatifFork({ at });
    whatIfStore.setState({
      fork,
      result: null,
      resultKey: null,
      suggestion: null,
      tuning: {},
      error: null,
      surrogate: null,
      surrogateNote: null,
    });
  } catch (e) {
    whatIfStore.setState({ error: e instanceof Error ? e.message : String(e) });
  }
}

/** The panel's fork line: where the fork came from and when. */
export function forkHeadline(fork: WhatIfFork | null): string {
  if (!fork) return i18n.t('whatif:fork.notYet');
  if (fork.origin === 'history')
    return i18n.t('whatif:fork.fromHistoryAt', { time: formatDateTime(fork.simTime) });
  return i18n.t('whatif:fork.fromLiveAt', { time: formatClock(fork.simTime) });
}

/** How a history fork was rebuilt (for the line's tooltip), or null for live forks. */
export function forkDetail(fork: WhatIfFork | null): string | null {
  const h = fork?.history;
  if (!h) return null;
  return i18n.t('whatif:fork.historyDetail', { time: formatDateTime(h.snapshotTime), seconds: h.replayedS });
}
