import type { HistoryEventItem } from '../../../../core/api/domains/history';
import type { AlarmPriority } from '../../../../core/api/types';
import type { AssetDefinition } from '../../../../core/asset/schema';
import type { HistoryEvent } from '../store/store-types';

type Payload = Record<string, unknown>;

const text = (v: unknown, fallback = ''): string => (typeof v === 'string' ? v : fallback);
const percent = (v: unknown): string => (typeof v === 'number' ? `${Math.round(v * 100)} %` : '?');

function alarmItem(ts: number, p: Payload): HistoryEventItem {
  const message = text(p.message, text(p.alarmId, 'alarm'));
  const from = p.from ?? null;
  const to = text(p.to);
  const label =
    from === null || from === 'normal'
      ? `Alarm raised: ${message}`
      : to === 'ack'
        ? `Acknowledged: ${message}`
        : to === 'normal'
          ? `Alarm cleared: ${message}`
          : to === 'rtn-unack'
            ? `Returned to normal, unacknowledged: ${message}`
            : to === 'shelved'
              ? `Shelved: ${message}`
              : `Alarm ${to}: ${message}`;
  return {
    ts,
    kind: to === 'ack' ? 'ack' : 'alarm',
    priority: text(p.priority, 'low') as AlarmPriority,
    label,
    payload: p,
  };
}

/** A stored event as the timeline shows it: kind, alarm priority and a one-line label in plant language. */
export function toEventItem(asset: AssetDefinition, e: HistoryEvent): HistoryEventItem {
  const p = (e.payload && typeof e.payload === 'object' ? e.payload : {}) as Payload;
  const faultName = (id: unknown) => asset.faults.find((f) => f.id === id)?.name ?? text(id, 'fault');
  switch (e.kind) {
    case 'alarm':
      return alarmItem(e.ts, p);
    case 'fault-injection': {
      const growth =
        typeof p.growthPerHour === 'number' && p.growthPerHour > 0 ? `, +${percent(p.growthPerHour)}/h` : '';
      return {
        ts: e.ts,
        kind: e.kind,
        label: `Fault injected: ${faultName(p.faultId)} (severity ${percent(p.severity)}${growth})`,
        payload: p,
      };
    }
    case 'fault-clear':
      return { ts: e.ts, kind: e.kind, label: `Fault cleared: ${faultName(p.faultId)}`, payload: p };
    case 'control-change': {
      const control = asset.controls.find((c) => c.id === p.controlId);
      const unit = control?.unit ? ` ${control.unit}` : '';
      const fmt = (v: unknown) => (typeof v === 'number' ? String(Math.round(v * 100) / 100) : '?');
      return {
        ts: e.ts,
        kind: e.kind,
        label: `Setpoint ${control?.name ?? text(p.controlId)}: ${fmt(p.from)} → ${fmt(p.to)}${unit}`,
        payload: p,
      };
    }
    case 'bookmark':
      return { ts: e.ts, kind: e.kind, label: text(p.note, 'Bookmark'), payload: p };
    default:
      return { ts: e.ts, kind: e.kind, label: text(p.text, text(p.note, e.kind)), payload: p };
  }
}
