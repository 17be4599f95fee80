import type { ConnectionState } from '../../../core/api/domains/connections';
import type { ConnectionDefinition, ControlWrite, TagBinding } from '../../../core/asset/sources-schema';
import type { SourceQuality } from '../../../core/live/source-value';
import type { Phrase, Said } from '../../../core/text/phrase';

/** Why a connection failed or was lost: English words, and the phrase the renderer says them with. */
export interface StateDetail {
  error?: string;
  phrase?: Phrase;
  nextRetryAt?: number;
}

/** A Said as a state's error. */
export const asError = ({ message, phrase }: Said): { error: string; phrase: Phrase } => ({
  error: message,
  phrase,
});

/**
 * What a connector reports to the live pipeline. The pipeline does the rest (number check, unit conversion,
 * deadband, staleness, rows, alarms, history), so connectors only speak their protocol.
 */
export interface ConnectorSink {
  /**
   * A value for the binding at `bindingIndex` (index into asset.sources.bindings), as it came off the wire:
   * the pipeline checks it is a number. `sourceTs` is the source's timestamp (ms since the Unix epoch), null
   * when the source sent none (the arrival time is used).
   */
  value(bindingIndex: number, raw: unknown, sourceTs: number | null, quality: SourceQuality): void;
  /** Counts one message received (for the rate and "last message"). */
  message(): void;
  /** A payload that could not be read at all (not JSON, not protobuf, too large…), in words and as a phrase. */
  badPayload(problem: Said): void;
  /** A topic, metric, alias or node no binding names (or an alias never born). */
  unknownMetric(problem: Said): void;
  /** Anything else worth showing (a node that returns Bad, a failed rebirth request…). */
  problem(problem: Said): void;
  /** The connection's state; `error` says why in plain words when failed or reconnecting. */
  state(state: ConnectionState, detail?: StateDetail): void;
  /** The source declared these bindings' values dead (Sparkplug NDEATH / DDEATH). */
  stale(bindingIndexes: readonly number[], reason: Said): void;
  /** A server certificate the user must trust first (null when resolved). */
  untrustedCertificate(info: { thumbprint: string; subject: string } | null): void;
}

export interface ConnectorContext {
  /** The connection, with `--connection name=url` already applied. */
  connection: ConnectionDefinition;
  /** Bindings on this connection, with their index in asset.sources.bindings. */
  bindings: readonly { index: number; binding: TagBinding }[];
  /** Writable controls on this connection. */
  writes: readonly ControlWrite[];
  /** From safeStorage (desktop) or the environment variable the file names (web mode). */
  password: string | undefined;
  assetId: string;
  /** Folder of the asset file (relative caFile paths). */
  assetDir: string;
  /** Per-user writable folder (OPC UA client certificates and trusted server certificates live under it). */
  dataDir: string;
  sink: ConnectorSink;
}

/** One live connection. start() never throws for network trouble: it reports through the sink and retries. */
export interface Connector {
  start(): void;
  /** Disconnects and stops retrying; resolves when every socket is closed. */
  stop(): Promise<void>;
  /** Writes a setpoint (only called for a control marked writable on this connection). Rejects naming why. */
  write(write: ControlWrite, value: number): Promise<void>;
  /** Trusts the server certificate with this thumbprint and reconnects (OPC UA); others reject. */
  trust(thumbprint: string): Promise<void>;
}

export type ConnectorFactory = (context: ConnectorContext) => Connector;
