import type { DuckDBConnection } from '@duckdb/node-api';
import type { AlarmState, TelemetryBatch } from '../../../../core/api/types';
import { EVENT_KINDS, type HistoryEventKind } from './schema';
import { finiteInt, type AlarmTransition, type RecordedAlarm } from './store-types';

/** An event as buffered until the next commit (payload already JSON). */
export type PendingEvent = { ts: number; kind: HistoryEventKind; payload: string | null };

export function pendingEvent(event: { ts: number; kind: HistoryEventKind; payload?: unknown }): PendingEvent {
  if (!EVENT_KINDS.includes(event.kind)) throw new Error(`unknown event kind "${event.kind}"`);
  return {
    ts: finiteInt('ts', event.ts),
    kind: event.kind,
    payload: event.payload === undefined ? null : JSON.stringify(event.payload),
  };
}

export function alarmTransition(
  ts: number,
  alarm: RecordedAlarm,
  from: AlarmState | 'normal' | null,
  to: AlarmState | 'normal',
): AlarmTransition {
  return {
    ts: finiteInt('ts', ts),
    alarmId: alarm.id,
    tagId: alarm.tagId,
    kind: alarm.kind,
    priority: alarm.priority,
    from,
    to,
    value: Number.isFinite(alarm.value) ? alarm.value : null,
    message: alarm.message,
  };
}

/**
 * Sample times of the batches: the earliest first sample, the newest last sample (never before
 * `lastTs`, the newest committed so far) and the latest first-or-last sample of any batch.
 */
export function batchSpan(
  batches: readonly TelemetryBatch[],
  lastTs: number | null,
): { firstTs: number | null; lastTs: number | null; maxTs: number | null } {
  let firstTs: number | null = null;
  let newest = lastTs;
  for (const b of batches) {
    const t0 = b.t[0];
    const t1 = b.t[b.t.length - 1];
    if (t0 !== undefined) firstTs = firstTs === null ? t0 : Math.min(firstTs, t0);
    if (t1 !== undefined) newest = newest === null ? t1 : Math.max(newest, t1);
  }
  if (firstTs === null) return { firstTs, lastTs: newest, maxTs: null };
  let maxTs = firstTs;
  for (const b of batches)
    for (const t of [b.t[0], b.t[b.t.length - 1]]) if (t !== undefined) maxTs = Math.max(maxTs, t);
  return { firstTs, lastTs: newest, maxTs };
}

export async function appendEventRows(
  writer: DuckDBConnection,
  assetId: string,
  events: { ts: number; kind: string; payload: string | null }[],
): Promise<void> {
  const a = await writer.createAppender('events');
  for (const e of events) {
    a.appendBigInt(BigInt(e.ts));
    a.appendVarchar(assetId);
    a.appendVarchar(e.kind);
    if (e.payload === null) a.appendNull();
    else a.appendVarchar(e.payload);
    a.endRow();
  }
  a.closeSync();
}

export async function appendAlarmRows(
  writer: DuckDBConnection,
  assetId: string,
  rows: AlarmTransition[],
): Promise<void> {
  const a = await writer.createAppender('alarms');
  const text = (v: string | null) => (v === null ? a.appendNull() : a.appendVarchar(v));
  for (const r of rows) {
    a.appendBigInt(BigInt(r.ts));
    a.appendVarchar(assetId);
    a.appendVarchar(r.alarmId);
    a.appendVarchar(r.tagId);
    a.appendVarchar(r.kind);
    a.appendVarchar(r.priority);
    text(r.from);
    a.appendVarchar(r.to);
    if (r.value === null) a.appendNull();
    else a.appendDouble(r.value);
    a.appendVarchar(r.message);
    a.endRow();
  }
  a.closeSync();
}
