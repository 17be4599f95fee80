import type { HistoryEventItem } from '../../../../core/api/domains/history';
import type { AlarmPriority } from '../../../../core/api/types';
import type { AssetDefinition } from '../../../../core/asset/schema';
import { said, type Said } from '../../../../core/text/phrase';
import type { PhraseCode } from '../../../../core/text/phrase-codes';
import type { HistoryEvent } from '../store/store-types';

type Payload = Record<string, unknown>;

const text = (v: unknown, fallback = ''): string => (typeof v === 'string' ? v : fallback);
const percent = (v: unknown): string => (typeof v === 'number' ? `${Math.round(v * 100)} %` : '?');

function alarmItem(ts: number, p: Payload): HistoryEventItem {
  const message = text(p.message, text(p.alarmId, 'alarm'));
  const from = p.from ?? null;
  const to = text(p.to);
  const [code, lead]: [PhraseCode | null, string] =
    from === null || from === 'normal'
      ? ['eventAlarmRaised', 'Alarm raised']
      : to === 'ack'
        ? ['eventAcknowledged', 'Acknowledged']
        : to === 'normal'
          ? ['eventAlarmCleared', 'Alarm cleared']
          : to === 'rtn-unack'
            ? ['eventReturnedUnacked', 'Returned to normal, unacknowledged']
            : to === 'shelved'
              ? ['eventShelved', 'Shelved']
              : [null, `Alarm ${to}`];
  const label = `${lead}: ${message}`;
  return {
    ts,
    kind: to === 'ack' ? 'ack' : 'alarm',
    priority: text(p.priority, 'low') as AlarmPriority,
    label,
    ...(code ? { phrase: said(code, { detail: message }, label).phrase } : {}),
    payload: p,
  };
}

const labelled = (
  item: Omit<HistoryEventItem, 'label' | 'phrase'>,
  { message, phrase }: Said,
): HistoryEventItem => ({
  ...item,
  label: message,
  phrase,
});

/**
 * A stored event as the timeline shows it: kind, alarm priority and a one-line label in plant language, with
 * its phrase (built from the stored payload, so older recordings get one too).
 */
export function toEventItem(asset: AssetDefinition, e: HistoryEvent): HistoryEventItem {
  const p = (e.payload && typeof e.payload === 'object' ? e.payload : {}) as Payload;
  const faultName = (id: unknown) => asset.faults.find((f) => f.id === id)?.name ?? text(id, 'fault');
  switch (e.kind) {
    case 'alarm':
      return alarmItem(e.ts, p);
    case 'fault-injection': {
      const fault = text(p.faultId, 'fault');
      const severity = percent(p.severity);
      const item = { ts: e.ts, kind: e.kind, payload: p };
      const label = `Fault injected: ${faultName(p.faultId)} (severity ${severity}`;
      if (typeof p.growthPerHour === 'number' && p.growthPerHour > 0) {
        const growth = percent(p.growthPerHour);
        return labelled(
          item,
          said('eventFaultGrowing', { fault, severity, growth }, `${label}, +${growth}/h)`),
        );
      }
      return labelled(item, said('eventFaultInjected', { fault, severity }, `${label})`));
    }
    case 'fault-clear':
      return labelled(
        { ts: e.ts, kind: e.kind, payload: p },
        said(
          'eventFaultCleared',
          { fault: text(p.faultId, 'fault') },
          `Fault cleared: ${faultName(p.faultId)}`,
        ),
      );
    case 'control-change': {
      const control = asset.controls.find((c) => c.id === p.controlId);
      const unit = control?.unit ? ` ${control.unit}` : '';
      const fmt = (v: unknown) => (typeof v === 'number' ? String(Math.round(v * 100) / 100) : '?');
      const values = { control: text(p.controlId), from: fmt(p.from), to: fmt(p.to) };
      return labelled(
        { ts: e.ts, kind: e.kind, payload: p },
        said(
          control?.unit ? 'eventSetpointUnit' : 'eventSetpoint',
          control?.unit ? { ...values, unit: control.unit } : values,
          `Setpoint ${control?.name ?? values.control}: ${values.from} → ${values.to}${unit}`,
        ),
      );
    }
    case 'bookmark':
      return { ts: e.ts, kind: e.kind, label: text(p.note, 'Bookmark'), payload: p };
    default:
      return { ts: e.ts, kind: e.kind, label: text(p.text, text(p.note, e.kind)), payload: p };
  }
}
