import type { Alarm, AlarmLimitKind, AlarmPriority, AlarmState } from '../../../../core/api/types';
import type { AssetDefinition } from '../../../../core/asset/schema';
import type { PredictiveAlarm } from '../../../../core/alarms/predictive-alarm';
import { predictiveFromRecord } from '../predictive-record';
import type { HistoryStore } from '../store/history-store';

function limitOf(asset: AssetDefinition, tagId: string, kind: string): number {
  const tag = asset.tags.find((t) => t.id === tagId);
  const byKind: Record<string, number | undefined> = {
    'trip-high': tag?.trip?.high,
    'alarm-high': tag?.alarm?.high,
    'alarm-low': tag?.alarm?.low,
    'trip-low': tag?.trip?.low,
  };
  return byKind[kind] ?? Number.NaN;
}

const num = (v: unknown): number =>
  typeof v === 'bigint' ? Number(v) : typeof v === 'number' ? v : Number.NaN;

/**
 * The alarms standing at time t, rebuilt from the recorded ISA-18.2 transitions: per alarm its last
 * transition at or before t (ties broken by insertion order); alarms whose last state is 'normal' are gone.
 * Limit alarms only: the predictive alarm is predictiveAlarmAt's.
 */
export async function alarmsAt(store: HistoryStore, t: number): Promise<Alarm[]> {
  if (!Number.isFinite(t)) throw new Error(`t must be a finite number, got ${t}`);
  const at = Math.floor(t);
  const { reader } = store.connections;
  const rows = (
    await reader.runAndReadAll(`
      WITH upto AS (SELECT rowid AS rid, * FROM alarms WHERE ts <= ${at} AND kind IS DISTINCT FROM 'predictive'),
      latest AS (
        SELECT * FROM upto QUALIFY row_number() OVER (PARTITION BY alarm_id ORDER BY ts DESC, rid DESC) = 1
      ),
      raised AS (
        SELECT alarm_id, max(ts) AS raised_at FROM upto
        WHERE from_state IS NULL OR from_state = 'normal' GROUP BY alarm_id
      )
      SELECT latest.alarm_id, tag_id, kind, priority, to_state, value, message, coalesce(raised_at, latest.ts)
      FROM latest LEFT JOIN raised USING (alarm_id)
      WHERE to_state <> 'normal'
      ORDER BY latest.alarm_id`)
  ).getRows();
  const asset = store.asset;
  return rows.map((r): Alarm => {
    const tagId = String(r[1]);
    const kind = String(r[2]) as AlarmLimitKind;
    const state = String(r[4]) as AlarmState;
    return {
      id: String(r[0]),
      tagId,
      componentId: asset.components.find((c) => c.tags.includes(tagId))?.id ?? '',
      kind,
      priority: String(r[3]) as AlarmPriority,
      state,
      // 'rtn-unack' means the condition has cleared; a shelved alarm's condition is not recorded.
      active: state !== 'rtn-unack',
      limit: limitOf(asset, tagId, kind),
      value: r[5] === null || r[5] === undefined ? Number.NaN : num(r[5]),
      raisedAt: num(r[7]),
      message: String(r[6]),
    };
  });
}

/**
 * The normal-behaviour model's predictive alarm standing at time t, as the backend recorded it live (raise,
 * acknowledgement, return to normal): its last transition at or before t, or null when it had cleared or was
 * never raised.
 */
export async function predictiveAlarmAt(store: HistoryStore, t: number): Promise<PredictiveAlarm | null> {
  if (!Number.isFinite(t)) throw new Error(`t must be a finite number, got ${t}`);
  const at = Math.floor(t);
  const row = (
    await store.connections.reader.runAndReadAll(`
      WITH upto AS (SELECT rowid AS rid, * FROM alarms WHERE ts <= ${at} AND kind = 'predictive')
      SELECT priority, to_state, value, message,
        (SELECT max(ts) FROM upto WHERE from_state IS NULL OR from_state = 'normal')
      FROM upto ORDER BY ts DESC, rid DESC LIMIT 1`)
  ).getRows()[0];
  if (!row || String(row[1]) === 'normal') return null;
  return predictiveFromRecord(
    {
      priority: String(row[0]),
      to: String(row[1]) as 'unack' | 'ack' | 'rtn-unack',
      value: row[2] === null || row[2] === undefined ? null : num(row[2]),
      message: String(row[3]),
      raisedAt: num(row[4]),
    },
    store.asset,
  );
}
