/**
 * The known faults of a candidate normal period, from the history store's event log: fault injections
 * (simulator, trainer scenarios) and limit alarms, read from the store's first event (time 0 on) so a fault
 * that began before the period and still stood in it is seen.
 */
import type { TwinApi } from '../../../../core/api/twin-api';
import type { AssetDefinition } from '../../../../core/asset/schema';
import type { HistoryEventItem } from '../../../../core/history/types';
import { knownFaultsFromHistory } from '../../../../core/ml/normal/history-faults';
import type { KnownFaultInterval } from '../../../../core/ml/normal/known-fault';
import type { NormalPeriod } from './normal-period';

/** Events per call (the store's largest page). */
const PAGE = 10_000;

export async function readKnownFaults(
  api: Pick<TwinApi, 'historyEvents'>,
  asset: Pick<AssetDefinition, 'faults'>,
  period: NormalPeriod,
): Promise<KnownFaultInterval[]> {
  const events: HistoryEventItem[] = [];
  let from = 0;
  // Events at `from` that the previous page already held (pages overlap on their last timestamp).
  let seenAtFrom = 0;
  while (from < period.to) {
    const page = await api.historyEvents({ from, to: period.to, limit: PAGE });
    const fresh = page.slice(seenAtFrom);
    events.push(...fresh);
    if (page.length < PAGE) break;
    const last = page[page.length - 1]!.ts;
    if (last === from)
      throw new Error(
        `more than ${PAGE} history events at ${new Date(last).toISOString()}: the known faults cannot be read`,
      );
    seenAtFrom = page.filter((e) => e.ts === last).length;
    from = last;
  }
  return knownFaultsFromHistory(events, asset, period.to).filter((f) => f.toMs >= period.from);
}
