// Connector contexts for MQTT tests: connections and bindings go through the real asset schema.
import os from 'node:os';
import {
  mqttConnectionSchema,
  tagBindingSchema,
  type MqttConnectionDefinition,
  type TagBinding,
} from '../../core/asset/sources-schema';
import type { ConnectorContext } from '../../electron/services/live/connector';
import { RecordingSink } from './recording-sink';

export interface MqttTestSetup {
  connection: Partial<MqttConnectionDefinition> & { url: string };
  /** Bindings without "connection" (filled in); their order gives the binding indexes 0, 1, 2… */
  bindings: Omit<Partial<TagBinding>, 'connection'>[];
  password?: string;
  assetDir?: string;
  writes?: ConnectorContext['writes'];
}

export function mqttTestContext(setup: MqttTestSetup): ConnectorContext & { sink: RecordingSink } {
  const connection = mqttConnectionSchema.parse({ id: 'broker', kind: 'mqtt', ...setup.connection });
  const bindings = setup.bindings.map((b, index) => ({
    index,
    binding: tagBindingSchema.parse({ tag: `tag_${index}`, connection: connection.id, ...b }),
  }));
  return {
    connection,
    bindings,
    writes: setup.writes ?? [],
    password: setup.password,
    assetId: 'test-asset',
    assetDir: setup.assetDir ?? os.tmpdir(),
    dataDir: os.tmpdir(),
    sink: new RecordingSink(),
  };
}
