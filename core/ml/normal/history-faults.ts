/**
 * Known faults from an asset's history event log, for the pre-training checks: each fault injection (the
 * simulator's, a trainer scenario's) from its onset to its clearing, and each limit alarm from its raise to
 * the moment its condition cleared. Predictive alarms are left out: they are a model's opinion, and retraining
 * after drift is exactly when an older model alarmed on normal running.
 */
import type { AlarmLimitKind } from '../../alarms/types';
import type { AssetDefinition } from '../../asset/schema';
import type { HistoryEventItem } from '../../history/types';
import type { KnownFaultInterval } from './known-fault';

type Payload = Record<string, unknown>;

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);
const payloadOf = (e: HistoryEventItem): Payload =>
  e.payload && typeof e.payload === 'object' ? (e.payload as Payload) : {};

/** Alarm states in which the alarm's condition is present ('shelved' keeps whatever it was). */
const CONDITION_PRESENT = new Set(['unack', 'ack']);
const CONDITION_GONE = new Set(['rtn-unack', 'normal']);
const LIMIT_KINDS = new Set<string>(['trip-high', 'alarm-high', 'alarm-low', 'trip-low']);

/** An interval still open: given its end, the known fault. */
type Open = (toMs: number) => KnownFaultInterval;

/**
 * The fault intervals the events describe. `events` in time order, read from early enough to see the onset
 * of anything still standing in the period (the store's start); what has not cleared by `untilMs` ends there.
 */
export function knownFaultsFromHistory(
  events: readonly HistoryEventItem[],
  asset: Pick<AssetDefinition, 'faults'>,
  untilMs: number,
): KnownFaultInterval[] {
  const found: KnownFaultInterval[] = [];
  const faults = new Map<string, Open>();
  const alarms = new Map<string, Open>();
  const close = (open: Map<string, Open>, key: string, toMs: number) => {
    const o = open.get(key);
    if (!o) return;
    found.push(o(toMs));
    open.delete(key);
  };
  for (const e of events) {
    const p = payloadOf(e);
    if (e.kind === 'fault-injection') {
      const key = text(p.instanceId) ?? text(p.faultId) ?? 'fault';
      const faultId = text(p.faultId) ?? 'fault';
      const tagId = text(p.targetTag);
      const name = asset.faults.find((f) => f.id === faultId)?.name ?? faultId;
      close(faults, key, e.ts);
      faults.set(key, (toMs) => ({
        fromMs: e.ts,
        toMs,
        label: `fault "${name}" injected`,
        ...(tagId ? { tagId } : {}),
        cause: { kind: 'fault-injection', faultId },
      }));
    } else if (e.kind === 'fault-clear') {
      close(faults, text(p.instanceId) ?? text(p.faultId) ?? 'fault', e.ts);
    } else if (e.kind === 'alarm' || e.kind === 'ack') {
      const alarmKind = text(p.kind);
      const tagId = text(p.tagId);
      const to = text(p.to);
      if (!alarmKind || !LIMIT_KINDS.has(alarmKind) || !tagId || !to) continue;
      const key = text(p.alarmId) ?? `${tagId}:${alarmKind}`;
      if (CONDITION_PRESENT.has(to) && !alarms.has(key))
        alarms.set(key, (toMs) => ({
          fromMs: e.ts,
          toMs,
          label: `limit alarm ${alarmKind} on ${tagId}`,
          tagId,
          cause: { kind: 'limit-alarm', alarmKind: alarmKind as AlarmLimitKind },
        }));
      else if (CONDITION_GONE.has(to)) close(alarms, key, e.ts);
    }
  }
  for (const open of [faults, alarms]) for (const key of [...open.keys()]) close(open, key, untilMs);
  return found.filter((f) => f.fromMs <= untilMs).sort((a, b) => a.fromMs - b.fromMs);
}
