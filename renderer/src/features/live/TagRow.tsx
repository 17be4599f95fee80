import type { Alarm } from '../../../../core/api/types';
import type { TagDefinition } from '../../../../core/asset/schema';
import { isGood, qualityLabel } from '../../../../core/data/quality';
import { alarmRowClass, priorityCoding } from './alarm-logic';
import { formatValue } from '../../format';
import { Sparkline } from './Sparkline';

interface TagRowProps {
  tag: TagDefinition;
  index: number;
  value: number;
  quality: number;
  alarm: Alarm | undefined;
  testId?: string;
  sparkline?: boolean;
}

/** One instrument: tag, name, value + unit, quality when not good, sparkline; coded by its worst alarm. */
export function TagRow({
  tag,
  index,
  value,
  quality,
  alarm,
  testId = 'tag-row',
  sparkline = true,
}: TagRowProps) {
  const good = isGood(quality);
  const hasValue = Number.isFinite(value);
  return (
    <li
      className={`tag-row ${alarmRowClass(alarm)} ${good ? '' : 'bad-quality'}`}
      data-testid={testId}
      data-tag-id={tag.id}
      title={tag.limitSource ? `${tag.name}\nLimits: ${tag.limitSource}` : tag.name}
    >
      <span className="tag-alarm-marker" aria-hidden={!alarm}>
        {alarm ? priorityCoding[alarm.priority].shape : ''}
      </span>
      <span className="tag-instrument">{tag.instrument}</span>
      <span className="tag-name">{tag.name}</span>
      <span className="tag-value num" data-testid="tag-value">
        {hasValue ? formatValue(value, tag.decimals) : '—'}
      </span>
      <span className="tag-unit">{tag.unit === 'bool' ? '' : tag.unit}</span>
      {sparkline && <Sparkline tagIndex={index} low={tag.normal[0]} high={tag.normal[1]} />}
      {!good && (
        <span className="tag-quality" data-testid="tag-quality">
          {qualityLabel[quality] ?? `quality ${quality}`}
        </span>
      )}
    </li>
  );
}
