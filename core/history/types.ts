// Stored history as the history store returns it: downsampled windows and the event log.
import type { AlarmPriority } from '../alarms/types';
import type { Phrase } from '../text/phrase';

/** M4 aggregates per bucket; null where the bucket has no value. */
export interface HistorySeries {
  tagId: string;
  min: (number | null)[];
  max: (number | null)[];
  first: (number | null)[];
  last: (number | null)[];
  /** Worst quality code in the bucket. */
  quality: number[];
}

export interface HistoryWindow {
  from: number;
  to: number;
  bucketMs: number;
  /** Start of each non-empty bucket. */
  t: number[];
  series: HistorySeries[];
}

export type HistoryEventKind =
  'alarm' | 'fault-injection' | 'fault-clear' | 'control-change' | 'ack' | 'annotation' | 'bookmark';

export interface HistoryEventItem {
  ts: number;
  kind: HistoryEventKind;
  /** Alarms only. */
  priority?: AlarmPriority;
  /** One line for a marker's tooltip or a list, in English. */
  label: string;
  /** The label as a code and values, for the active language; absent for a note the user wrote. */
  phrase?: Phrase;
  payload: unknown;
}
