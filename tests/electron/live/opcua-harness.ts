// A recording ConnectorSink and connector contexts for the OPC UA connector tests (the server is real).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ConnectionState } from '../../../core/api/domains/connections';
import { opcuaConnectionSchema, tagBindingSchema } from '../../../core/asset/sources-schema';
import type { SourceQuality } from '../../../core/live/source-value';
import type { ConnectorContext, ConnectorSink } from '../../../electron/services/live/connector';
import { nodeIdOf } from '../../support/opcua-server';

export interface RecordedValue {
  index: number;
  raw: unknown;
  sourceTs: number | null;
  quality: SourceQuality;
  receivedAt: number;
}

export interface RecordedState {
  state: ConnectionState;
  error?: string;
  nextRetryAt?: number;
}

export class RecordingSink implements ConnectorSink {
  readonly values: RecordedValue[] = [];
  readonly problems: string[] = [];
  readonly states: RecordedState[] = [];
  readonly certificates: ({ thumbprint: string; subject: string } | null)[] = [];
  messages = 0;
  other: string[] = [];

  value(index: number, raw: unknown, sourceTs: number | null, quality: SourceQuality): void {
    this.values.push({ index, raw, sourceTs, quality, receivedAt: Date.now() });
  }
  message(): void {
    this.messages++;
  }
  badPayload(problem: string): void {
    this.other.push(`badPayload: ${problem}`);
  }
  unknownMetric(problem: string): void {
    this.other.push(`unknownMetric: ${problem}`);
  }
  problem(problem: string): void {
    this.problems.push(problem);
  }
  state(state: ConnectionState, detail?: { error?: string; nextRetryAt?: number }): void {
    this.states.push({ state, ...detail });
  }
  stale(indexes: readonly number[], reason: string): void {
    this.other.push(`stale ${indexes.join(',')}: ${reason}`);
  }
  untrustedCertificate(info: { thumbprint: string; subject: string } | null): void {
    this.certificates.push(info);
  }

  get lastState(): RecordedState | undefined {
    return this.states.at(-1);
  }
  valuesOf(index: number): RecordedValue[] {
    return this.values.filter((v) => v.index === index);
  }
  /** Good values of this binding received after `since` (ms). */
  goodValuesSince(index: number, since: number): RecordedValue[] {
    return this.values.filter((v) => v.index === index && v.quality === 'good' && v.receivedAt >= since);
  }
}

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
