import type { BackendContext } from '../../backend-context';
import type { LiveSimulation, LiveSnapshot } from '../../live-simulation';
import { historyServiceAt, storePath, type HistoryService } from '../service';

/** States kept while the asset's store is still opening (the first minutes of a run at high speed). */
const MAX_WAITING = 64;

export interface LiveSnapshotFeed {
  /** The open history of the workspace asset, or undefined when history is off or still opening. */
  service(): HistoryService | undefined;
  /** Hands states that waited for the store to it; returns the service they went to. */
  deliverWaiting(): HistoryService | undefined;
}

/**
 * Feeds the live simulator's states (LiveSimulation.onSnapshot) to the workspace asset's history store,
 * following the simulator across asset changes. States that arrive before the store is open wait, in order.
 */
export function feedLiveSnapshots(ctx: BackendContext): LiveSnapshotFeed {
  let waiting: LiveSnapshot[] = [];
  let attachedTo: LiveSimulation | null = null;
  let detach: (() => void) | null = null;

  const service = () => historyServiceAt(storePath(ctx.dataDir, ctx.asset().id));
  const deliverWaiting = () => {
    const s = service();
    if (s?.snapshots && waiting.length > 0) {
      for (const w of waiting) s.snapshots.add(w);
      waiting = [];
    }
    return s;
  };
  const deliver = (snap: LiveSnapshot) => {
    // A sandbox run's states are not the plant's; runs keep none (forks from a run's history are refused).
    if (snap.runId !== undefined) return;
    const log = deliverWaiting()?.snapshots;
    if (log) return log.add(snap);
    waiting.push(snap);
    if (waiting.length > MAX_WAITING) waiting.shift();
  };
  const attach = () => {
    const live = ctx.live();
    if (live === attachedTo) return;
    detach?.();
    waiting = [];
    attachedTo = live;
    detach = live ? live.onSnapshot(deliver) : null;
  };

  attach();
  const unsubscribe = ctx.subscribe((event) => {
    if (event.type === 'session') attach();
    // A commit means the store is open: states that waited for it go in now.
    else if (event.type === 'history-range' && waiting.length > 0) deliverWaiting();
  });
  ctx.onDispose(() => {
    unsubscribe();
    detach?.();
  });
  return { service, deliverWaiting };
}
