import type { TagDefinition } from '../../../../../core/asset/schema';
import { i18n } from '../../../i18n/i18n';
import { formatDecimals } from '../../../i18n/number-format';

/**
 * "Motor speed 1200 → 1490 rpm (+290, 48 % of span)" / "电机转速 1200 → 1490 rpm（+290，量程的 48 %）": one
 * tag's change against doing nothing, for the part tooltip, the legend and the split view, in the active
 * language. `tag` carries the name to show (a localized asset's tag).
 */
export function describeChange(
  tag: TagDefinition,
  baseline: number,
  scenario: number,
  score: number,
): string {
  const value = (v: number) => formatDecimals(v, tag.decimals);
  const d = scenario - baseline;
  const sign = d > 0 ? '+' : d < 0 ? '−' : '±';
  return i18n.t('whatif:change.text', {
    tag: tag.name,
    from: value(baseline),
    to: value(scenario),
    unit: tag.unit === 'bool' ? '' : ` ${tag.unit}`,
    delta: `${sign}${value(Math.abs(d))}`,
    pct: `${formatDecimals(Math.round(score * 100), 0)} %`,
  });
}
