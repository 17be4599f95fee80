// A live-sources snapshot of the pump skid for renderer tests: one MQTT broker, one OPC UA server.
import type {
  ConnectionStatus,
  ConnectionsSnapshot,
  TagSourceStatus,
} from '../../core/api/domains/connections';

export const NOW = Date.UTC(2025, 0, 1, 12);

export const mqttConnection = (over: Partial<ConnectionStatus> = {}): ConnectionStatus => ({
  id: 'plant-broker',
  kind: 'mqtt',
  payload: 'json',
  url: 'mqtt://127.0.0.1:1883',
  state: 'connected',
  nextRetryAt: null,
  error: null,
  errorPhrase: null,
  messagesPerSecond: 8,
  lastMessageAt: NOW - 1000,
  badPayloads: 0,
  unknownMetrics: 0,
  untrustedCertificate: null,
  recentProblems: [],
  ...over,
});

export function opcuaConnection(over: Partial<ConnectionStatus> = {}): ConnectionStatus {
  const { payload: _mqttOnly, ...common } = mqttConnection();
  return { ...common, id: 'skid-plc', kind: 'opcua', url: 'opc.tcp://127.0.0.1:4840', ...over };
}

export const tagStatus = (tagId: string, over: Partial<TagSourceStatus> = {}): TagSourceStatus => ({
  tagId,
  connection: 'plant-broker',
  where: `plant/p101/${tagId} /value`,
  lastValueAt: NOW - 500,
  stale: false,
  problem: null,
  ...over,
});

export const liveSnapshot = (over: Partial<ConnectionsSnapshot> = {}): ConnectionsSnapshot => ({
  assetId: 'pump-skid',
  mode: 'live',
  hasSources: true,
  connections: [mqttConnection()],
  tags: [tagStatus('motor_speed'), tagStatus('bearing_de_temp')],
  droppedSamples: 0,
  clockSkewMs: null,
  clockSkewWarning: null,
  writableControls: ['speed_setpoint'],
  ...over,
});
