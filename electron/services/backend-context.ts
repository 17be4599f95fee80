import type { TwinEvent } from '../../core/api/types';
import type { AssetDefinition } from '../../core/asset/schema';
import type { FileAccessPolicy } from './history/file-access';
import type { LiveSimulation } from './live-simulation';

/** What domain handlers (history, what-if, trainer, fleet) may use of the backend. */
export interface BackendContext {
  host: 'electron' | 'web';
  /** Folder holding assets/ and models/. */
  appRoot: string;
  /** Per-user writable folder (history database, settings, recorded scenarios). */
  dataDir: string;
  /**
   * Which files the API may read and write: 'dialogs' (desktop: any path, picked in the main process's dialogs)
   * or 'exchange-only' (web mode: only inside <dataDir>/exchange). Absent means 'exchange-only'.
   */
  fileAccess?: FileAccessPolicy;
  emit(event: TwinEvent): void;
  /** Receives every event the backend emits (telemetry, alarms, sim status…). */
  subscribe(listener: (event: TwinEvent) => void): () => void;
  asset(): AssetDefinition;
  /** The running simulator, or null when the asset has none. */
  live(): LiveSimulation | null;
  /** Registers cleanup for dispose(). */
  onDispose(fn: () => Promise<void> | void): void;
}
