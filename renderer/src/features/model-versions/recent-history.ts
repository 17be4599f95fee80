/**
 * Reads the last N simulated hours from the history store as the health model's one-minute rows: the
 * store downsamples to one-minute buckets in SQL (historyWindow, ≤ 4,000 buckets per call, so long spans
 * take several calls), and its events give the setpoint changes and fault injections.
 */
import type { HistoryEventItem, HistoryWindow } from '../../../../core/api/domains/history';
import type { TwinClient } from '../../../../core/api/twin-api';
import { MINUTE_MS, minuteRows, type MinuteRows } from '../../../../core/ml/retrain/minute-rows';
import { RetrainDataError } from '../../../../core/ml/retrain/recent-dataset';
import { PUMP_TAGS } from '../../../../core/ml/pump/spec';

const MAX_BUCKETS = 4000;
/** Fault injections this long before the range are still looked for (a fault may run for days). */
const FAULT_LOOKBACK_MS = 7 * 24 * 3_600_000;

export async function fetchRecentRows(
  client: TwinClient,
  hours: number,
  currentControls: Record<string, number>,
): Promise<MinuteRows> {
  const info = await client.historyInfo({});
  if (!info.available)
    throw new RetrainDataError(
      'the history store is not available, so there is no recent history to learn from',
    );
  if (info.to === null || info.from === null)
    throw new RetrainDataError('the history store is empty; let the simulator or plant run first');
  const to = Math.ceil((info.to + 1) / MINUTE_MS) * MINUTE_MS;
  const from =
    Math.max(Math.floor(info.from / MINUTE_MS), to / MINUTE_MS - Math.round(hours * 60)) * MINUTE_MS;
  const minutes = (to - from) / MINUTE_MS;
  const windows: HistoryWindow[] = [];
  for (let a = from; a < to; a += MAX_BUCKETS * MINUTE_MS) {
    const b = Math.min(to, a + MAX_BUCKETS * MINUTE_MS);
    windows.push(
      await client.historyWindow({ from: a, to: b, tagIds: [...PUMP_TAGS], buckets: (b - a) / MINUTE_MS }),
    );
  }
  const events: HistoryEventItem[] = [
    ...(
      await client.historyEvents({ from: Math.max(0, from - FAULT_LOOKBACK_MS), to: from, limit: 10_000 })
    ).filter((e) => e.kind === 'fault-injection' || e.kind === 'fault-clear'),
    ...(await client.historyEvents({ from, to, limit: 10_000 })).filter((e) => e.ts >= from),
  ];
  return minuteRows(windows, events, currentControls, from, minutes);
}
