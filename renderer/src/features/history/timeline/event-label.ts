import type { HistoryEventItem } from '../../../../../core/api/domains/history';
import type { AlarmLimitKind } from '../../../../../core/alarms/types';
import { ALARM_LIMIT_KINDS, limitOfKind } from '../../../../../core/alarms/limit-of-kind';
import type { AssetDefinition } from '../../../../../core/asset/schema';
import { alarmText } from '../../../i18n/alarm-text';
import { phraseText } from '../../../i18n/phrase-text';

const isLimitKind = (kind: unknown): kind is AlarmLimitKind => ALARM_LIMIT_KINDS.some((k) => k === kind);

/**
 * A recorded limit alarm's text in the active language ("泵驱动端轴承温度高报警（85.0 °C）"), from the stored
 * tag and limit kind and the asset's limit; null when the record or the asset cannot say it (a predictive alarm,
 * a tag the asset no longer has), so the recorded English is shown.
 */
function recordedAlarmText(
  payload: HistoryEventItem['payload'],
  names: AssetDefinition | null,
): string | null {
  const p = (payload ?? {}) as Record<string, unknown>;
  const tag = names?.tags.find((t) => t.id === p.tagId);
  if (!tag || !isLimitKind(p.kind)) return null;
  const limit = limitOfKind(tag, p.kind);
  return limit === undefined ? null : alarmText({ tagId: tag.id, kind: p.kind, limit }, names);
}

/**
 * An event's one-line label in the active language: from its phrase, with the asset's names (`names`, the
 * localized asset); a limit alarm's own text is said again from its tag and limit; a bookmark's note has no
 * phrase and is shown as the user wrote it.
 */
export function eventLabel(item: HistoryEventItem, names: AssetDefinition | null): string {
  if (!item.phrase) return item.label;
  const alarm = item.kind === 'alarm' || item.kind === 'ack' ? recordedAlarmText(item.payload, names) : null;
  const phrase = alarm ? { ...item.phrase, params: { ...item.phrase.params, detail: alarm } } : item.phrase;
  return phraseText(phrase, item.label, names);
}
