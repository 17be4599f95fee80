import type { ConnectionsSnapshot, ConnectionState } from '../../../../../core/api/domains/connections';
import type { AssetDefinition } from '../../../../../core/asset/schema';

const KIND = { mqtt: 'MQTT', opcua: 'OPC UA' } as const;

/** The connection a control's writes go through. */
export interface WriteConnection {
  id: string;
  /** e.g. "MQTT mqtt://10.0.0.5:1883"; empty while its status is unknown. */
  address: string;
  state: ConnectionState | null;
}

/** The connection a control's writes go through, with its address and state; null when it has none. */
export function writeConnection(
  asset: AssetDefinition,
  snapshot: ConnectionsSnapshot | null,
  controlId: string,
): WriteConnection | null {
  const write = asset.sources?.writes.find((w) => w.control === controlId);
  if (!write) return null;
  const status = snapshot?.connections.find((c) => c.id === write.connection);
  return {
    id: write.connection,
    address: status ? `${KIND[status.kind]} ${status.url}` : '',
    state: status?.state ?? null,
  };
}
