import type { Alarm } from '../../../../core/api/types';
import type { TagDefinition } from '../../../../core/asset/schema';
import { isGood } from '../../../../core/data/quality';
import { i18n } from '../../i18n/i18n';
import { displayedFreshness, displayedSourceAge, formatAge, type Freshness } from '../../state/tag-freshness';
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

/** The note under a value that is not simply good: its quality, or how it stands with its live source. */
function qualityNote(quality: number, freshness: Freshness, tagId: string): string | null {
  switch (freshness) {
    case 'stale': {
      const age = displayedSourceAge(tagId);
      return age === null ? i18n.t('live:tag.stale') : i18n.t('live:tag.staleAge', { age: formatAge(age) });
    }
    case 'never':
      return i18n.t('live:tag.never');
    case 'uncertain':
      return i18n.t('common:quality.uncertain');
    default:
      return isGood(quality) ? null : qualityText(quality);
  }
}

const QUALITY_KEYS = [
  'good',
  'interpolated',
  'outOfRange',
  'missing',
  'stuck',
  'spike',
  'stale',
  'badAtSource',
  'uncertain',
] as const;

/** A quality code's word, in the order of core/data/quality.ts's codes. */
function qualityText(quality: number): string {
  const key = QUALITY_KEYS[quality];
  return key ? i18n.t(`common:quality.${key}`) : i18n.t('common:quality.code', { code: quality });
}

/** Row style: stale data greyed, bad data struck through, uncertain data kept with its marker. */
function qualityClass(note: string | null, freshness: Freshness): string {
  if (note === null) return '';
  if (freshness === 'uncertain') return 'bad-quality uncertain-quality';
  if (freshness === 'stale' || freshness === 'never') return 'bad-quality stale-quality';
  return 'bad-quality';
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
  const freshness = displayedFreshness(index, tag.id);
  const note = qualityNote(quality, freshness, tag.id);
  const hasValue = Number.isFinite(value) && freshness !== 'bad-at-source';
  return (
    <li
      className={`tag-row ${alarmRowClass(alarm)} ${qualityClass(note, freshness)}`}
      data-testid={testId}
      data-tag-id={tag.id}
      data-freshness={freshness}
      title={
        tag.limitSource ? `${tag.name}\n${i18n.t('live:tag.limits', { source: tag.limitSource })}` : tag.name
      }
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
      {note && (
        <span className="tag-quality" data-testid="tag-quality">
          {note}
        </span>
      )}
    </li>
  );
}
