/** The known faults a history store recorded up to a time (fault injections, limit alarms), as the app reads them. */
import { knownFaultsFromHistory } from '../../core/ml/normal/history-faults';
import type { KnownFaultInterval } from '../../core/ml/normal/known-fault';
import { toEventItem } from '../../electron/services/history/queries/event-items';
import type { HistoryStore } from '../../electron/services/history/store/history-store';

/** Events read at most: far more than any store's fault and alarm log. */
const MAX_EVENTS = 1_000_000;

/** Faults standing at any moment in [fromMs, toMs], from the store's whole event log up to toMs. */
export async function readStoredFaults(
  store: HistoryStore,
  fromMs: number,
  toMs: number,
): Promise<KnownFaultInterval[]> {
  const events = await store.events(0, toMs, { limit: MAX_EVENTS });
  const items = events.map((e) => toEventItem(store.asset, e));
  return knownFaultsFromHistory(items, store.asset, toMs).filter((f) => f.toMs >= fromMs);
}
