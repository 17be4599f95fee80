import type { FleetEvent } from './domains/fleet';
import type { HistoryEvent } from './domains/history';
import type { Models3dEvent } from './domains/models3d';
import type { TrainerEvent } from './domains/trainer';
import type { WhatIfEvent } from './domains/whatif';
import type { AssetDefinition } from '../asset/schema';
import type { AssetProblem } from '../asset/parse';

/** A batch of samples, columnar: values[tagIndex][sampleIndex], tag order as in the asset definition. */
export interface TelemetryBatch {
  assetId: string;
  /** Simulated time of each sample, ms since the Unix epoch. */
  t: number[];
  /** Cleaned values; null where the sample is missing. */
  values: (number | null)[][];
  /** Quality code per value (see core/data/quality). */
  quality: number[][];
}

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

export interface AlarmSnapshot {
  alarms: Alarm[];
}

export interface ActiveFault {
  instanceId: string;
  faultId: string;
  severity: number;
  growthPerHour: number;
  /** Simulated time of onset, ms since epoch. */
  onset: number;
  targetTag?: string;
}

export interface SimStatus {
  running: boolean;
  /** Requested speed: simulated seconds per wall second. */
  speed: number;
  /** Measured speed over the last seconds. */
  achievedSpeed: number;
  /** Simulated time, ms since epoch. */
  simTime: number;
  seed: number;
  controls: Record<string, number>;
  faults: ActiveFault[];
}

export interface SessionInfo {
  asset: AssetDefinition;
  /** Where the asset came from (file name or "built-in"). */
  assetSource: string;
  /** Human description of the data source, e.g. "Pump-skid simulator (seed 1)". */
  source: string;
  host: 'electron' | 'web';
  versions: Record<string, string>;
  sim: SimStatus;
  alarms: Alarm[];
}

export type LoadAssetResult =
  { ok: true; session: SessionInfo } | { ok: false; fileName: string; problems: AssetProblem[] };

/** Events the backend pushes to the renderer. */
export type TwinEvent =
  | { type: 'telemetry'; batch: TelemetryBatch }
  | { type: 'sim'; status: SimStatus }
  | { type: 'alarms'; snapshot: AlarmSnapshot }
  | { type: 'session'; session: SessionInfo }
  | { type: 'notice'; level: 'info' | 'warning' | 'error'; message: string }
  | HistoryEvent
  | WhatIfEvent
  | TrainerEvent
  | FleetEvent
  | Models3dEvent;
