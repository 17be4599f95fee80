import type { ConnectorFactory } from './connector';
import { createMqttConnector } from './mqtt/mqtt-connector';

/** Placeholder until the OPC UA connector lands: reports that the protocol is not available. */
const unavailable =
  (protocol: string): ConnectorFactory =>
  ({ sink }) => ({
    start: () => sink.state('failed', { error: `${protocol} connector is not available in this build` }),
    stop: async () => undefined,
    write: async () => {
      throw new Error(`${protocol} connector is not available in this build`);
    },
    trust: async () => {
      throw new Error(`${protocol} connector is not available in this build`);
    },
  });

/** The connector for each connection kind. */
export const defaultConnectorFactories: Readonly<Record<'mqtt' | 'opcua', ConnectorFactory>> = {
  mqtt: createMqttConnector,
  opcua: unavailable('OPC UA'),
};
