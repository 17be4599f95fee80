import type { TagDefinition } from '../asset/schema';
import type { AlarmLimitKind } from './types';

/** The tag's limit of that kind (alarm or trip, high or low), or undefined where the asset sets none. */
export function limitOfKind(tag: TagDefinition, kind: AlarmLimitKind): number | undefined {
  const pair = kind.startsWith('trip') ? tag.trip : tag.alarm;
  return kind.endsWith('high') ? pair?.high : pair?.low;
}

export const ALARM_LIMIT_KINDS: readonly AlarmLimitKind[] = [
  'trip-high',
  'alarm-high',
  'alarm-low',
  'trip-low',
];
