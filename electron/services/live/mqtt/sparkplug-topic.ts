import { SPARKPLUG_NAMESPACE } from './sparkplug-codec';

export type SparkplugMessageType = 'NBIRTH' | 'NDATA' | 'NDEATH' | 'DBIRTH' | 'DDATA' | 'DDEATH';

export interface SparkplugTopic {
  group: string;
  type: SparkplugMessageType;
  edgeNode: string;
  /** Absent for node-level messages. */
  device: string | undefined;
}

const NODE_TYPES = new Set<string>(['NBIRTH', 'NDATA', 'NDEATH']);
const DEVICE_TYPES = new Set<string>(['DBIRTH', 'DDATA', 'DDEATH']);

/**
 * "spBv1.0/<group>/<type>/<edgeNode>[/<device>]" for the messages a host application reads; null for
 * anything else (STATE, NCMD and DCMD of other hosts, malformed topics), which is ignored.
 */
export function parseSparkplugTopic(topic: string): SparkplugTopic | null {
  const parts = topic.split('/');
  const [namespace, group, type, edgeNode, device] = parts;
  if (namespace !== SPARKPLUG_NAMESPACE || !group || !type || !edgeNode) return null;
  if (parts.length === 4 && NODE_TYPES.has(type))
    return { group, type: type as SparkplugMessageType, edgeNode, device: undefined };
  if (parts.length === 5 && device && DEVICE_TYPES.has(type))
    return { group, type: type as SparkplugMessageType, edgeNode, device };
  return null;
}

export const nodeCommandTopic = (group: string, edgeNode: string): string =>
  `${SPARKPLUG_NAMESPACE}/${group}/NCMD/${edgeNode}`;
