import type {
  AlarmCommandRequest,
  ClearFaultRequest,
  InjectFaultRequest,
  LoadAssetRequest,
  SetControlRequest,
  SimCommandRequest,
} from './schemas';
import type { AuditApi } from './domains/audit';
import type { ConnectionsApi } from './domains/connections';
import type { AssetsApi } from './domains/assets';
import type { FleetApi } from './domains/fleet';
import type { HistoryApi } from './domains/history';
import type { HistoryRunsApi } from './domains/history-runs';
import type { NormalModelsApi } from './domains/normal-models';
import type { AssetModelApi } from './domains/asset-model';
import type { TrainerApi } from './domains/trainer';
import type { WhatIfApi } from './domains/whatif';
import type { TwinClientEvent } from './client-events';
import type { AlarmSnapshot, LoadAssetResult, SessionInfo, SimStatus } from './types';

/** The one contract between the renderer and the backend, whether over Electron IPC or WebSocket. */
export interface TwinApi
  extends
    HistoryApi,
    HistoryRunsApi,
    WhatIfApi,
    TrainerApi,
    FleetApi,
    AssetModelApi,
    AuditApi,
    ConnectionsApi,
    AssetsApi,
    NormalModelsApi {
  /** Asset, source, simulator status and alarms as they are now. */
  getSession(req: Record<string, never>): Promise<SessionInfo>;
  /** Sets a control (setpoint) of the running asset; the backend clamps to limits and rate. */
  setControl(req: SetControlRequest): Promise<SimStatus>;
  /** Run, pause, reset or change speed of the simulator. */
  simCommand(req: SimCommandRequest): Promise<SimStatus>;
  /** Starts a fault in the simulator. */
  injectFault(req: InjectFaultRequest): Promise<SimStatus>;
  /** Removes an injected fault. */
  clearFault(req: ClearFaultRequest): Promise<SimStatus>;
  /** Acknowledges, shelves or unshelves an alarm. */
  alarmCommand(req: AlarmCommandRequest): Promise<AlarmSnapshot>;
  /** Replaces the running asset with one from a file; on a bad file the old asset keeps running. */
  loadAsset(req: LoadAssetRequest): Promise<LoadAssetResult>;
}

export type TwinMethodName = keyof TwinApi;

/** What the renderer sees: the calls plus an event subscription. */
export interface TwinClient extends TwinApi {
  /** Registers a listener for backend and connection events; returns the unsubscribe function. */
  subscribe(listener: (event: TwinClientEvent) => void): () => void;
}

/** Wire form of a call's result. */
export type InvokeResult = { ok: true; value: unknown } | { ok: false; error: string };
