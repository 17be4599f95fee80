// Alarm records as the alarm engine keeps them and the TwinApi sends them.
export type AlarmPriority = 'high' | 'medium' | 'low';
/** ISA-18.2 alarm states. */
export type AlarmState = 'unack' | 'ack' | 'rtn-unack' | 'shelved';
export type AlarmLimitKind = 'trip-high' | 'alarm-high' | 'alarm-low' | 'trip-low';

export interface Alarm {
  /** `${tagId}:${limitKind}` */
  id: string;
  tagId: string;
  componentId: string;
  kind: AlarmLimitKind;
  priority: AlarmPriority;
  state: AlarmState;
  /** Whether the condition is still present. */
  active: boolean;
  limit: number;
  /** Value when raised (or latest while active). */
  value: number;
  /** Simulated time the alarm was raised, ms since epoch. */
  raisedAt: number;
  /** Wall time the shelf expires, ms since epoch. */
  shelvedUntil?: number;
  message: string;
}
