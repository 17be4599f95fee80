/** What a TwinClient's subscribers receive, which differs from the backend's own events in two ways. */
import type { TelemetryFrame } from './telemetry-frame';
import type { TwinEvent } from './types';

/** The transport's link to the backend, as it really changes (the Electron bridge is always connected). */
export type ConnectionEvent =
  | { kind: 'connected' }
  /** The link dropped; attempt `attempt` (1, 2, …) to reconnect starts in `retryInMs`. */
  | { kind: 'reconnecting'; attempt: number; retryInMs: number };

/** Backend events, telemetry as a decoded binary frame, and the transport's connection changes. */
export type TwinClientEvent =
  | Exclude<TwinEvent, { type: 'telemetry' }>
  | { type: 'telemetry'; frame: TelemetryFrame }
  | { type: 'connection'; connection: ConnectionEvent };
