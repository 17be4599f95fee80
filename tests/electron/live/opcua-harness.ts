// Connector contexts for the OPC UA connector tests (the server is real), with the shared recording sink.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { opcuaConnectionSchema, tagBindingSchema } from '../../../core/asset/sources-schema';
import type { ConnectorContext } from '../../../electron/services/live/connector';
import { RecordingSink } from '../../support/recording-sink';

export { RecordingSink };
import { nodeIdOf } from '../../support/opcua-server';

export interface OpcuaTestContextOptions {
  url: string;
  /** Names under P101 (or full NodeIds when they start with "ns="), bound in this order. */
  nodes: string[];
  dataDir: string;
  security?: 'None' | 'SignAndEncrypt';
  username?: string;
  password?: string;
  samplingIntervalMs?: number;
}

export function opcuaTestContext(options: OpcuaTestContextOptions): {
  context: ConnectorContext;
  sink: RecordingSink;
} {
  const sink = new RecordingSink();
  const secure = options.security === 'SignAndEncrypt';
  const connection = opcuaConnectionSchema.parse({
    id: 'plc',
    kind: 'opcua',
    url: options.url,
    securityMode: secure ? 'SignAndEncrypt' : 'None',
    securityPolicy: secure ? 'Basic256Sha256' : 'None',
    samplingIntervalMs: options.samplingIntervalMs ?? 100,
    ...(options.username ? { username: options.username } : {}),
  });
  const bindings = options.nodes.map((node, index) => ({
    index,
    binding: tagBindingSchema.parse({
      tag: `tag_${index}`,
      connection: 'plc',
      nodeId: node.startsWith('ns=') ? node : nodeIdOf(node),
    }),
  }));
  const context: ConnectorContext = {
    connection,
    bindings,
    writes: [],
    password: options.password,
    assetId: 'pump-skid',
    assetDir: options.dataDir,
    dataDir: options.dataDir,
    sink,
  };
  return { context, sink };
}

export function tempDataDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'twin-opcua-client-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
