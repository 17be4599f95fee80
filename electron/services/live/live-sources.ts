import path from 'node:path';
import type { Alarm, TelemetryBatch } from '../../../core/api/types';
import type { ConnectionsSnapshot } from '../../../core/api/domains/connections';
import type { AssetDefinition } from '../../../core/asset/schema';
import type { ConnectionDefinition, SourcesDefinition } from '../../../core/asset/sources-schema';
import { ConnectionMonitor } from './connection-monitor';
import type { Connector, ConnectorFactory } from './connector';
import { LivePipeline } from './live-pipeline';
import type { SecretStore } from './secrets';

export type LiveAsset = AssetDefinition & { sources: SourcesDefinition };

export const hasSources = (asset: AssetDefinition): asset is LiveAsset =>
  asset.sources !== undefined && asset.sources.bindings.length > 0;

export interface LiveSourcesOptions {
  asset: LiveAsset;
  /** Folder of the asset file (relative certificate paths); the app's assets folder for built-ins. */
  assetDir: string;
  dataDir: string;
  secrets: SecretStore;
  factories: Readonly<Record<ConnectionDefinition['kind'], ConnectorFactory>>;
  onTelemetry(batch: TelemetryBatch): void;
  onAlarms(alarms: Alarm[]): void;
  now?: () => number;
  maxPending?: number;
}

interface Connection {
  definition: ConnectionDefinition;
  monitor: ConnectionMonitor;
  connector: Connector | null;
}

/** The asset's live connections, each with its connector and monitor, feeding one pipeline. */
export class LiveSources {
  readonly pipeline: LivePipeline;
  private readonly connections = new Map<string, Connection>();

  constructor(private readonly options: LiveSourcesOptions) {
    this.pipeline = new LivePipeline(options);
    for (const definition of options.asset.sources.connections)
      this.connections.set(definition.id, {
        definition,
        monitor: new ConnectionMonitor(definition, options.now),
        connector: null,
      });
  }

  get asset(): LiveAsset {
    return this.options.asset;
  }

  startAll(): void {
    for (const id of this.connections.keys()) this.connect(id);
  }

  connect(connectionId: string): void {
    const connection = this.require(connectionId);
    if (connection.connector && connection.monitor.currentState !== 'failed') return;
    // A failed connector has given up (refused password, untrusted certificate…): start over with a new one.
    void connection.connector?.stop();
    const { asset } = this.options;
    const { definition } = connection;
    connection.monitor.setState('connecting');
    const connector = this.options.factories[definition.kind]({
      connection: definition,
      bindings: asset.sources.bindings
        .map((binding, index) => ({ index, binding }))
        .filter(({ binding }) => binding.connection === definition.id),
      writes: asset.sources.writes.filter((w) => w.connection === definition.id && w.writable),
      password: this.options.secrets.get(asset.id, definition),
      assetId: asset.id,
      assetDir: this.options.assetDir,
      dataDir: this.options.dataDir,
      sink: this.pipeline.sinkFor(connection.monitor),
    });
    connection.connector = connector;
    connector.start();
  }

  async disconnect(connectionId: string): Promise<void> {
    const connection = this.require(connectionId);
    const { connector } = connection;
    connection.connector = null;
    await connector?.stop();
    connection.monitor.setState('disconnected');
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.connections.keys()].map((id) => this.disconnect(id)));
  }

  async trust(connectionId: string, thumbprint: string): Promise<void> {
    const { connector } = this.require(connectionId);
    if (!connector) throw new Error(`connection "${connectionId}" is not started; connect it first`);
    await connector.trust(thumbprint);
  }

  /** Keeps the password and reconnects with it. */
  async setPassword(connectionId: string, password: string): Promise<void> {
    this.require(connectionId);
    this.options.secrets.set(this.options.asset.id, connectionId, password);
    await this.disconnect(connectionId);
    this.connect(connectionId);
  }

  /** Writes a setpoint of a control marked writable; throws naming why it cannot. */
  async write(controlId: string, value: number): Promise<void> {
    const { asset } = this.options;
    const write = asset.sources.writes.find((w) => w.control === controlId);
    if (!write?.writable)
      throw new Error(
        `control "${controlId}" is read-only on the live source: the asset file must list it under sources.writes with "writable": true`,
      );
    const { connector, definition } = this.require(write.connection);
    if (!connector) throw new Error(`connection "${definition.id}" is disconnected; connect it to write`);
    await connector.write(write, value);
  }

  tick(): void {
    this.pipeline.tick();
  }

  snapshot(mode: ConnectionsSnapshot['mode']): ConnectionsSnapshot {
    const { asset } = this.options;
    const offset = this.pipeline.skew.offsetMs;
    const skewWarning = this.pipeline.skew.warning(asset.sources.clockSkewWarnS);
    return {
      assetId: asset.id,
      mode,
      hasSources: true,
      connections: [...this.connections.values()].map((c) => c.monitor.status()),
      tags: this.pipeline.tagStatuses(),
      droppedSamples: this.pipeline.droppedSamples,
      clockSkewMs: offset === null ? null : Math.round(offset),
      clockSkewWarning: skewWarning?.message ?? null,
      ...(skewWarning ? { clockSkewPhrase: skewWarning.phrase } : {}),
      writableControls: asset.sources.writes.filter((w) => w.writable).map((w) => w.control),
    };
  }

  private require(connectionId: string): Connection {
    const connection = this.connections.get(connectionId);
    if (!connection)
      throw new Error(
        `unknown connection "${connectionId}"; asset "${this.options.asset.id}" has: ${[...this.connections.keys()].join(', ')}`,
      );
    return connection;
  }
}

/** Folder the asset's relative paths start from. */
export const assetDirOf = (assetFile: string): string => path.dirname(assetFile);
