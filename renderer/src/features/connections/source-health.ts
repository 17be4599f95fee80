/** The live sources at a glance, for the status bar: how many connections are up, the rate, what is wrong. */
import type { ConnectionsSnapshot } from '../../../../core/api/domains/connections';
import { connectionKindLabel, tagSourceState } from './connections-format';

/** Normal is grey; colour only for what is abnormal (ISA-101): amber degraded, red failed. */
export type SourceHealthLevel = 'normal' | 'degraded' | 'failed';

export interface SourceHealth {
  level: SourceHealthLevel;
  /** Protocols in use, e.g. ["MQTT", "OPC UA"]. */
  kinds: string[];
  connected: number;
  total: number;
  messagesPerSecond: number;
  /** Tags whose values stopped, and tags that never got one. */
  staleTags: number;
  neverTags: number;
  droppedSamples: number;
}

/** Null unless the asset runs from its live sources. */
export function sourceHealth(snapshot: ConnectionsSnapshot | null): SourceHealth | null {
  if (snapshot?.mode !== 'live') return null;
  const { connections, tags } = snapshot;
  const connected = connections.filter((c) => c.state === 'connected').length;
  const starting = connections.some((c) => c.state === 'connecting');
  const states = tags.map(tagSourceState);
  const staleTags = states.filter((s) => s === 'stale').length;
  const neverTags = states.filter((s) => s === 'never').length;
  const allUp = connected === connections.length;
  const troubled =
    staleTags > 0 ||
    neverTags > 0 ||
    snapshot.droppedSamples > 0 ||
    snapshot.clockSkewWarning !== null ||
    connections.some((c) => c.untrustedCertificate !== null);
  const level: SourceHealthLevel =
    connected === 0 && !starting && connections.length > 0
      ? 'failed'
      : !allUp || troubled
        ? 'degraded'
        : 'normal';
  return {
    level,
    kinds: [...new Set(connections.map(connectionKindLabel))],
    connected,
    total: connections.length,
    messagesPerSecond: connections.reduce((sum, c) => sum + c.messagesPerSecond, 0),
    staleTags,
    neverTags,
    droppedSamples: snapshot.droppedSamples,
  };
}
