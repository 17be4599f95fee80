import type { AlarmLimitKind } from '../alarms/types';
import type { AssetDefinition } from '../asset/schema';
import type { LocalizedText } from './localized-text';

/** How the trainer's log names controls, faults and tags: the names the UI shows, in each language. */
export interface LogNames {
  /** "Speed setpoint to 40 Hz" / "转速设定值设为 40 Hz". */
  controlTo(controlId: string, value: number): LocalizedText;
  fault(faultId: string): LocalizedText;
  /** "FT101 Discharge flow". */
  tag(tagId: string): LocalizedText;
  component(componentId: string): LocalizedText;
  /** An alarm's text, as the alarm list says it ("FT101 出口流量低报警（40.0 m³/h）"); `message` is its English. */
  alarm(alarm: { tagId: string; kind: string; limit?: number; message: string }): LocalizedText;
}

type NamedAsset = Pick<AssetDefinition, 'controls' | 'faults' | 'tags' | 'components' | 'translations'>;

const rounded = (value: number) => String(Math.round(value * 100) / 100);
const withUnit = (value: string, unit: string) => (unit === 'bool' ? value : `${value} ${unit}`);

const ALARM_WORDS: Record<AlarmLimitKind, (tag: string, limit: string) => string> = {
  'trip-high': (tag, limit) => `${tag}超过跳闸上限（${limit}）`,
  'trip-low': (tag, limit) => `${tag}低于跳闸下限（${limit}）`,
  'alarm-high': (tag, limit) => `${tag}高报警（${limit}）`,
  'alarm-low': (tag, limit) => `${tag}低报警（${limit}）`,
};
const isLimitKind = (kind: string): kind is AlarmLimitKind => kind in ALARM_WORDS;

/** Names from the asset and its zh-CN translations; an id the asset does not know is shown as it is. */
export function logNamesOf(asset: NamedAsset): LogNames {
  const zh = asset.translations?.['zh-CN'];
  const named = (english: string | undefined, chinese: string | undefined, id: string): LocalizedText => {
    const en = english ?? id;
    return { en, 'zh-CN': chinese ?? en };
  };
  const tagName = (id: string) => {
    const t = asset.tags.find((x) => x.id === id);
    return t
      ? { en: `${t.instrument} ${t.name}`, 'zh-CN': `${t.instrument} ${zh?.tags?.[id] ?? t.name}` }
      : { en: id, 'zh-CN': id };
  };
  return {
    controlTo: (id, value) => {
      const c = asset.controls.find((x) => x.id === id);
      if (!c) return { en: `${id} to ${rounded(value)}`, 'zh-CN': `${id} 设为 ${rounded(value)}` };
      const shown = `${rounded(value)} ${c.unit}`;
      return { en: `${c.name} to ${shown}`, 'zh-CN': `${zh?.controls?.[id] ?? c.name}设为 ${shown}` };
    },
    fault: (id) => named(asset.faults.find((f) => f.id === id)?.name, zh?.faults?.[id], id),
    tag: tagName,
    component: (id) => named(asset.components.find((c) => c.id === id)?.name, zh?.components?.[id], id),
    alarm: ({ tagId, kind, limit, message }) => {
      const t = asset.tags.find((x) => x.id === tagId);
      if (!t || limit === undefined || !isLimitKind(kind)) return { en: message };
      const shown = withUnit(limit.toFixed(t.decimals), t.unit);
      return { en: message, 'zh-CN': ALARM_WORDS[kind](zh?.tags?.[tagId] ?? t.name, shown) };
    },
  };
}

/** Ids as they are, for a player without an asset at hand. */
export const ID_LOG_NAMES: LogNames = logNamesOf({
  controls: [],
  faults: [],
  tags: [],
  components: [],
  translations: undefined,
});
