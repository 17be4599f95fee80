import type { ConnectorFactory } from './connector';

/** Placeholder until the protocol connectors land: reports that the protocol is not available. */
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
  mqtt: unavailable('MQTT'),
  opcua: unavailable('OPC UA'),
};
