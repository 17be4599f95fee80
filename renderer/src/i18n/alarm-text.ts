import type { Alarm } from '../../../core/api/types';
import type { AssetDefinition } from '../../../core/asset/schema';
import { i18n } from './i18n';
import { formatDecimals, withUnit } from './number-format';

/**
 * An alarm's text in the active language, from its kind, tag and limit ("泵驱动端轴承温度高报警（85.0 °C）").
 * The backend's own English `message` is never shown; `asset` should carry the names in the active language.
 */
export function alarmText(
  alarm: Pick<Alarm, 'tagId' | 'kind' | 'limit'>,
  asset: AssetDefinition | null,
): string {
  const tag = asset?.tags.find((t) => t.id === alarm.tagId);
  const limit = formatDecimals(alarm.limit, tag?.decimals ?? 1);
  return i18n.t(`live:alarmText.${alarm.kind}`, {
    tag: tag?.name ?? alarm.tagId,
    limit: tag ? withUnit(limit, tag.unit) : limit,
  });
}
