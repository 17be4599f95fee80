import { createStore } from 'zustand/vanilla';
import type { TelemetryFrame } from '../../../core/api/telemetry-frame';
import { TelemetryRing } from './telemetry-ring';

export interface TelemetryState {
  /** Mutable ring buffers; read them with getState() in render loops, never copy per frame. */
  ring: TelemetryRing;
  /** Bumped once per batch so throttled UI can re-read the ring. */
  version: number;
}

export const createTelemetryStore = () =>
  createStore<TelemetryState>(() => ({ ring: new TelemetryRing(0, 1), version: 0 }));

export const telemetryStore = createTelemetryStore();

/** Starts fresh buffers for an asset with `tagCount` tags. */
export function resetTelemetry(tagCount: number, capacity = 3600): void {
  telemetryStore.setState({ ring: new TelemetryRing(tagCount, capacity), version: 0 });
}

export function ingestTelemetry(frame: TelemetryFrame): void {
  const { ring, version } = telemetryStore.getState();
  if (ring.tagCount !== frame.tags) return;
  ring.pushFrame(frame);
  telemetryStore.setState({ version: version + 1 });
}
