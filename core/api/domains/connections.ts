// Live-sources part of the TwinApi: the state of each MQTT / OPC UA connection, per-tag freshness, and the
// few commands an operator has over them (connect, disconnect, trust a server certificate, write a setpoint).
import { z } from 'zod';
import type { Phrase } from '../../text/phrase';

const connectionId = z.string().min(1).max(64);

export const connectionsRequestSchemas = {
  connectionsStatus: z.object({}).strict(),
  connectionCommand: z.object({ connectionId, action: z.enum(['connect', 'disconnect']) }).strict(),
  /** Trusts an OPC UA server certificate the user has compared by its SHA-1 thumbprint (hex). */
  trustServerCertificate: z
    .object({
      connectionId,
      thumbprint: z.string().regex(/^[0-9a-fA-F:]{20,128}$/, 'must be a hex thumbprint'),
    })
    .strict(),
  /** Desktop only: keeps a connection's password with the OS keychain (Electron safeStorage). */
  setConnectionPassword: z.object({ connectionId, password: z.string().min(1).max(1024) }).strict(),
  /** Switches the running asset between its simulator and its live sources. */
  setSourceMode: z.object({ use: z.enum(['simulator', 'live']) }).strict(),
  /**
   * Writes a setpoint to real equipment: only for a control the asset marks writable; `from` is the value the
   * user saw in the confirmation dialog, kept in the audit trail as the old value.
   */
  writeControl: z
    .object({
      controlId: z.string().min(1).max(64),
      value: z.number().finite(),
      from: z.number().finite().nullable(),
    })
    .strict(),
} as const;

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'failed' | 'disconnected';

export interface ConnectionProblem {
  /** Wall time, ms since the Unix epoch. */
  t: number;
  message: string;
  /** The message as a code and values, for the renderer's language; absent for a library's own words. */
  phrase?: Phrase;
}

export interface ConnectionStatus {
  id: string;
  kind: 'mqtt' | 'opcua';
  /** MQTT payload convention; absent for OPC UA. */
  payload?: 'json' | 'sparkplug';
  /** Address, never with credentials. */
  url: string;
  state: ConnectionState;
  /** When state is "reconnecting": wall time of the next try. */
  nextRetryAt: number | null;
  /** Why the connection failed or was lost, in plain words. */
  error: string | null;
  /** `error` as a code and values; null when there is none or the words came from a library as they are. */
  errorPhrase: Phrase | null;
  messagesPerSecond: number;
  lastMessageAt: number | null;
  /** Payloads that could not be read at all, or values that were not numbers. */
  badPayloads: number;
  /** Metrics, topics or aliases no tag is bound to. */
  unknownMetrics: number;
  /** A server certificate waiting for the user's trust (OPC UA SignAndEncrypt). */
  untrustedCertificate: { thumbprint: string; subject: string } | null;
  /** Newest first, at most 20. */
  recentProblems: ConnectionProblem[];
}

export interface TagSourceStatus {
  tagId: string;
  connection: string;
  /** Where the value comes from: topic and pointer, Sparkplug metric or NodeId. */
  where: string;
  /** Wall time the last value arrived; null when it never did. */
  lastValueAt: number | null;
  stale: boolean;
  /** Last thing wrong with this tag's values, if any. */
  problem: string | null;
  /** `problem` as a code and values, for the renderer's language. */
  problemPhrase?: Phrase;
}

export interface ConnectionsSnapshot {
  assetId: string;
  /** Where the asset's data comes from now. */
  mode: 'simulator' | 'live' | 'none';
  /** True when the asset has live sources to switch to. */
  hasSources: boolean;
  connections: ConnectionStatus[];
  tags: TagSourceStatus[];
  /** Samples dropped because the queue to the history store and renderer overflowed. */
  droppedSamples: number;
  /** Largest source clock offset seen recently (source minus host, ms); null before any timestamped value. */
  clockSkewMs: number | null;
  /** Set when |clockSkewMs| exceeds the asset's clockSkewWarnS. */
  clockSkewWarning: string | null;
  /** `clockSkewWarning` as a code and values, for the renderer's language. */
  clockSkewPhrase?: Phrase;
  /** Controls that may be written to the live source (writable ones only). */
  writableControls: string[];
}

export type ConnectionsEvent = { type: 'connections'; snapshot: ConnectionsSnapshot };

/** Outcome of a live setpoint write. */
export interface ControlWriteResult {
  controlId: string;
  from: number | null;
  to: number;
  /** Wall time of the write. */
  t: number;
}

type Req<K extends keyof typeof connectionsRequestSchemas> = z.input<(typeof connectionsRequestSchemas)[K]>;

export interface ConnectionsApi {
  connectionsStatus(req: Req<'connectionsStatus'>): Promise<ConnectionsSnapshot>;
  connectionCommand(req: Req<'connectionCommand'>): Promise<ConnectionsSnapshot>;
  trustServerCertificate(req: Req<'trustServerCertificate'>): Promise<ConnectionsSnapshot>;
  setConnectionPassword(req: Req<'setConnectionPassword'>): Promise<ConnectionsSnapshot>;
  setSourceMode(req: Req<'setSourceMode'>): Promise<ConnectionsSnapshot>;
  writeControl(req: Req<'writeControl'>): Promise<ControlWriteResult>;
}
