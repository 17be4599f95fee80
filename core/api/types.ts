import type { ConnectionsEvent } from './domains/connections';
import type { FleetEvent } from './domains/fleet';
import type { HistoryEvent } from './domains/history';
import type { HistoryRunsEvent } from './domains/history-runs';
import type { AssetModelEvent } from './domains/asset-model';
import type { TrainerEvent } from './domains/trainer';
import type { WhatIfEvent } from './domains/whatif';
import type { AssetDefinition } from '../asset/schema';
import type { Role } from './caller';
import type { AssetProblem } from '../asset/parse';
import type { Phrase } from '../text/phrase';
import type { Alarm } from '../alarms/types';
import type { AlarmSnapshot } from '../alarms/alarm-snapshot';
import type { PredictiveAlarm } from '../alarms/predictive-alarm';
import type { SimStatus } from '../sim/types';

export type { Alarm, AlarmLimitKind, AlarmPriority, AlarmState } from '../alarms/types';
export type { AlarmSnapshot } from '../alarms/alarm-snapshot';
export type { ActiveFault, SandboxRun, SimStatus } from '../sim/types';

/** A batch of samples, columnar: values[tagIndex][sampleIndex], tag order as in the asset definition. */
export interface TelemetryBatch {
  assetId: string;
  /** Simulated time of each sample, ms since the Unix epoch. */
  t: number[];
  /** Cleaned values; null where the sample is missing. */
  values: (number | null)[][];
  /** Quality code per value (see core/data/quality). */
  quality: number[][];
  /** From live sources: store each row at its time and never replace stored history (a simulator reset does). */
  keepHistory?: boolean;
  /** Rows older than rows already sent (values that arrived late): for the history store, not the live view. */
  late?: boolean;
  /** Sampled in a sandbox run (SimStatus.run): stored in that run's history, never the plant's. */
  runId?: string;
}

export interface SessionInfo {
  asset: AssetDefinition;
  /** Where the asset came from (file name or "built-in"). */
  assetSource: string;
  /** Human description of the data source, e.g. "Pump-skid simulator (seed 1)". */
  source: string;
  host: 'electron' | 'web';
  /** What this session may do (web mode: decided by its access token; the desktop app is an operator). */
  role: Role;
  versions: Record<string, string>;
  sim: SimStatus;
  alarms: Alarm[];
  /** The deployed normal-behaviour model's predictive alarm standing now (absent: none raised). */
  predictiveAlarm?: PredictiveAlarm | null;
}

export type LoadAssetResult =
  { ok: true; session: SessionInfo } | { ok: false; fileName: string; problems: AssetProblem[] };

/** Events the backend pushes to the renderer. */
export type TwinEvent =
  | { type: 'telemetry'; batch: TelemetryBatch }
  | { type: 'sim'; status: SimStatus }
  | { type: 'alarms'; snapshot: AlarmSnapshot }
  | { type: 'session'; session: SessionInfo }
  /** `phrase`: the message as a code and values, for the renderer's language (absent: shown as it is). */
  | { type: 'notice'; level: 'info' | 'warning' | 'error'; message: string; phrase?: Phrase }
  | HistoryEvent
  | HistoryRunsEvent
  | WhatIfEvent
  | TrainerEvent
  | FleetEvent
  | AssetModelEvent
  | ConnectionsEvent;
