import {
  ClientMonitoredItemGroup,
  TimestampsToReturn,
  AttributeIds,
  type ClientSession,
  type ClientSubscription,
  type DataValue,
  type StatusCode,
  resolveNodeId,
} from 'node-opcua';
import type { OpcuaConnectionDefinition } from '../../../../core/asset/sources-schema';
import { said } from '../../../../core/text/phrase';
import type { ConnectorSink } from '../connector';
import { qualityOfStatus, statusName } from './status-quality';
import { subscriptionTiming } from './opcua-client-options';

export interface MonitoredBinding {
  /** Index into asset.sources.bindings. */
  index: number;
  nodeId: string;
}

/** Samples the server may queue per item between two publishes (oldest dropped beyond). */
const QUEUE_SIZE = 10;

/**
 * Turns data-change notifications into sink calls. A node's non-Good status is reported as a problem once
 * per change of status, not once per sample; its values still go to the pipeline with their quality.
 */
export class BindingReporter {
  /** Binding index → name of the last status seen. */
  private readonly lastStatus = new Map<number, string>();

  constructor(private readonly sink: ConnectorSink) {}

  dataChanged(binding: MonitoredBinding, dataValue: DataValue): void {
    this.sink.message();
    this.noteStatus(binding, dataValue.statusCode);
    const timestamp = dataValue.sourceTimestamp ?? dataValue.serverTimestamp;
    const raw: unknown = dataValue.value.value;
    this.sink.value(
      binding.index,
      raw ?? null,
      timestamp?.getTime() ?? null,
      qualityOfStatus(dataValue.statusCode),
    );
  }

  /** The server refused to monitor the node (BadNodeIdUnknown…): the tag is marked bad and the reason shown. */
  monitoringRefused(binding: MonitoredBinding, status: StatusCode): void {
    this.noteStatus(binding, status);
    this.sink.value(binding.index, null, null, 'bad');
  }

  invalidNodeId(binding: MonitoredBinding): void {
    const { nodeId } = binding;
    this.sink.problem(
      said(
        'nodeIdInvalid',
        { nodeId },
        `OPC UA ${nodeId}: not a valid NodeId (write it like "ns=2;s=P101.FT101")`,
      ),
    );
    this.sink.value(binding.index, null, null, 'bad');
  }

  private noteStatus(binding: MonitoredBinding, status: StatusCode): void {
    const name = statusName(status);
    if (this.lastStatus.get(binding.index) === name) return;
    this.lastStatus.set(binding.index, name);
    if (!status.isGood())
      this.sink.problem(
        said('nodeStatus', { nodeId: binding.nodeId, status: name }, `OPC UA ${binding.nodeId}: ${name}`),
      );
  }
}

export function isValidNodeId(nodeId: string): boolean {
  try {
    resolveNodeId(nodeId);
    return true;
  } catch {
    return false;
  }
}

/** Monitored items created per request: servers cap it (MaxMonitoredItemsPerCall, often 1000 on PLCs). */
const ITEMS_PER_REQUEST = 500;

async function monitorGroup(
  subscription: ClientSubscription,
  connection: OpcuaConnectionDefinition,
  bindings: readonly MonitoredBinding[],
  reporter: BindingReporter,
): Promise<void> {
  const group = ClientMonitoredItemGroup.create(
    subscription,
    bindings.map((b) => ({ nodeId: b.nodeId, attributeId: AttributeIds.Value })),
    { samplingInterval: connection.samplingIntervalMs, queueSize: QUEUE_SIZE, discardOldest: true },
    TimestampsToReturn.Both,
  );
  group.on('changed', (_item, dataValue, i) => {
    const binding = bindings[i];
    if (binding) reporter.dataChanged(binding, dataValue);
  });
  await new Promise<void>((resolve, reject) => {
    group.once('initialized', () => resolve());
    group.once('err', (message) => reject(new Error(`cannot monitor the tags (${message})`)));
  });
  group.monitoredItems.forEach((item, i) => {
    const binding = bindings[i];
    if (binding && !item.statusCode.isGood()) reporter.monitoringRefused(binding, item.statusCode);
  });
}

/** One subscription with one monitored item per binding; resolves once the server has answered for every item. */
export async function monitorBindings(
  session: ClientSession,
  connection: OpcuaConnectionDefinition,
  bindings: readonly MonitoredBinding[],
  reporter: BindingReporter,
): Promise<ClientSubscription> {
  const timing = subscriptionTiming(connection);
  const subscription = await session.createSubscription2({
    requestedPublishingInterval: timing.publishingIntervalMs,
    requestedMaxKeepAliveCount: timing.maxKeepAliveCount,
    requestedLifetimeCount: timing.lifetimeCount,
    maxNotificationsPerPublish: 0,
    publishingEnabled: true,
    priority: 10,
  });
  const valid = bindings.filter((binding) => {
    if (isValidNodeId(binding.nodeId)) return true;
    reporter.invalidNodeId(binding);
    return false;
  });
  for (let start = 0; start < valid.length; start += ITEMS_PER_REQUEST)
    await monitorGroup(subscription, connection, valid.slice(start, start + ITEMS_PER_REQUEST), reporter);
  return subscription;
}
