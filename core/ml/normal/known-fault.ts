import type { AlarmLimitKind } from '../../alarms/types';

/** What a known fault was, so a reader can name it in its own words and language. */
export type KnownFaultCause =
  { kind: 'fault-injection'; faultId: string } | { kind: 'limit-alarm'; alarmKind: AlarmLimitKind };

/** A known fault or event (from an event log, a label file or the user) that normal data must not overlap. */
export interface KnownFaultInterval {
  fromMs: number;
  toMs: number;
  /** What it was, in words, e.g. "inlet valve closed" or "maintenance". */
  label: string;
  /** The tag it concerns (a limit alarm's tag, a sensor fault's target), when it concerns one. */
  tagId?: string;
  /** Where it was read from (absent for a label file or the user's own intervals). */
  cause?: KnownFaultCause;
}
