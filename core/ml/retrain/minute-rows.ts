/**
 * Recent history as the health model's one-minute rows: the store's per-minute buckets (last sample of
 * each minute, downsampled in SQL by historyWindow) laid on a gap-aware grid, the setpoints in force at
 * each minute rebuilt from the recorded setpoint changes, and the fault class of each minute from the
 * recorded fault injections and clears (healthy where none is active).
 */
import type { HistoryEventItem, HistoryWindow } from '../../history/types';
import { faultClassIndex, PUMP_CONTROLS, PUMP_TAGS } from '../pump/spec';

export const MINUTE_MS = 60_000;

export interface MinuteRows {
  /** Start of row 0 (a whole minute, ms since epoch); row r covers [from + r min, from + (r + 1) min). */
  from: number;
  minutes: number;
  /** [minutes, PUMP_TAGS] raw values, NaN where the minute holds no sample of the tag. */
  tags: Float32Array;
  /** [minutes, PUMP_CONTROLS] setpoints in force at the end of each minute. */
  setpoints: Float32Array;
  /** Fault class (FAULT_CLASSES index) active at the end of each minute; 0 = healthy. */
  faultClass: Uint8Array;
}

/** Fills rows from one or more historyWindow answers whose buckets are single minutes. */
export function tagRows(windows: readonly HistoryWindow[], from: number, minutes: number): Float32Array {
  const T = PUMP_TAGS.length;
  const out = new Float32Array(minutes * T).fill(Number.NaN);
  for (const w of windows) {
    if (w.bucketMs !== MINUTE_MS)
      throw new Error(`history window ${w.from}–${w.to}: buckets of ${w.bucketMs} ms, expected one minute`);
    const columns = w.series.map((s) => ({ j: PUMP_TAGS.indexOf(s.tagId), last: s.last }));
    w.t.forEach((t, i) => {
      const r = Math.floor((t - from) / MINUTE_MS);
      if (r < 0 || r >= minutes) return;
      for (const { j, last } of columns) {
        const v = last[i];
        if (j >= 0 && v !== null && v !== undefined) out[r * T + j] = v;
      }
    });
  }
  return out;
}

const payloadOf = (e: HistoryEventItem) =>
  (e.payload && typeof e.payload === 'object' ? e.payload : {}) as Record<string, unknown>;

/**
 * Setpoints at the end of each minute: walking back from the values in force now (`current`, at or after
 * the last row) through the recorded changes gives the value before the range, then changes apply forward.
 */
export function setpointRows(
  events: readonly HistoryEventItem[],
  current: Record<string, number>,
  from: number,
  minutes: number,
): Float32Array {
  const C = PUMP_CONTROLS.length;
  const changes = events
    .filter((e) => e.kind === 'control-change' && e.ts >= from)
    .map((e) => ({ ts: e.ts, p: payloadOf(e) }))
    .filter((c) => typeof c.p.controlId === 'string' && PUMP_CONTROLS.includes(c.p.controlId))
    .sort((a, b) => a.ts - b.ts);
  const value = PUMP_CONTROLS.map((id) => current[id] ?? Number.NaN);
  for (let k = changes.length - 1; k >= 0; k--) {
    const { p } = changes[k]!;
    if (typeof p.from === 'number') value[PUMP_CONTROLS.indexOf(p.controlId as string)] = p.from;
  }
  const out = new Float32Array(minutes * C);
  let next = 0;
  for (let r = 0; r < minutes; r++) {
    const end = from + (r + 1) * MINUTE_MS;
    for (; next < changes.length && changes[next]!.ts < end; next++) {
      const { p } = changes[next]!;
      if (typeof p.to === 'number') value[PUMP_CONTROLS.indexOf(p.controlId as string)] = p.to;
    }
    for (let j = 0; j < C; j++) out[r * C + j] = value[j]!;
  }
  return out;
}

/**
 * Fault class at the end of each minute from fault-injection / fault-clear events (all of them up to the
 * last row, including injections before the range). With two faults active the later injection labels
 * the minute.
 */
export function faultRows(events: readonly HistoryEventItem[], from: number, minutes: number): Uint8Array {
  const list = events
    .filter((e) => e.kind === 'fault-injection' || e.kind === 'fault-clear')
    .sort((a, b) => a.ts - b.ts);
  const active = new Map<string, { faultId: string; ts: number }>();
  const out = new Uint8Array(minutes);
  let next = 0;
  for (let r = 0; r < minutes; r++) {
    const end = from + (r + 1) * MINUTE_MS;
    for (; next < list.length && list[next]!.ts < end; next++) {
      const e = list[next]!;
      const p = payloadOf(e);
      const instance = typeof p.instanceId === 'string' ? p.instanceId : String(p.faultId);
      if (e.kind === 'fault-clear') active.delete(instance);
      else if (typeof p.faultId === 'string') active.set(instance, { faultId: p.faultId, ts: e.ts });
    }
    let latest: { faultId: string; ts: number } | null = null;
    for (const f of active.values()) if (!latest || f.ts >= latest.ts) latest = f;
    out[r] = latest ? faultClassIndex(latest.faultId) : 0;
  }
  return out;
}

/** All three, for the minutes [from, from + minutes). */
export function minuteRows(
  windows: readonly HistoryWindow[],
  events: readonly HistoryEventItem[],
  currentControls: Record<string, number>,
  from: number,
  minutes: number,
): MinuteRows {
  if (from % MINUTE_MS !== 0) throw new Error(`minuteRows: from ${from} is not a whole minute`);
  return {
    from,
    minutes,
    tags: tagRows(windows, from, minutes),
    setpoints: setpointRows(events, currentControls, from, minutes),
    faultClass: faultRows(events, from, minutes),
  };
}
