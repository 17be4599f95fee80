import type { ConnectorFactory } from './connector';
import { createMqttConnector } from './mqtt/mqtt-connector';
import { createOpcuaConnector } from './opcua/opcua-connector';

/** The connector for each connection kind. */
export const defaultConnectorFactories: Readonly<Record<'mqtt' | 'opcua', ConnectorFactory>> = {
  mqtt: createMqttConnector,
  opcua: createOpcuaConnector,
};
