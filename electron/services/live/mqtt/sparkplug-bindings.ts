import type { ConnectorContext } from '../connector';

const metricKey = (edgeNode: string, device: string | undefined, metric: string): string =>
  JSON.stringify([edgeNode, device ?? null, metric]);
const deviceKey = (edgeNode: string, device: string): string => JSON.stringify([edgeNode, device]);

/** The connection's Sparkplug bindings, found by metric, by device and by edge node. */
export class SparkplugBindings {
  private readonly byMetric = new Map<string, number[]>();
  private readonly byNode = new Map<string, number[]>();
  private readonly byDevice = new Map<string, number[]>();

  constructor(bindings: ConnectorContext['bindings']) {
    const add = (map: Map<string, number[]>, key: string, index: number) =>
      map.set(key, [...(map.get(key) ?? []), index]);
    for (const { index, binding } of bindings) {
      const { edgeNode, device, metric } = binding;
      if (edgeNode === undefined || metric === undefined) continue;
      add(this.byMetric, metricKey(edgeNode, device, metric), index);
      add(this.byNode, edgeNode, index);
      if (device !== undefined) add(this.byDevice, deviceKey(edgeNode, device), index);
    }
  }

  /** Bindings of this metric (device undefined: a node-level metric). */
  ofMetric(edgeNode: string, device: string | undefined, metric: string): readonly number[] {
    return this.byMetric.get(metricKey(edgeNode, device, metric)) ?? [];
  }

  /** Every binding of the edge node, its devices' included. */
  ofNode(edgeNode: string): readonly number[] {
    return this.byNode.get(edgeNode) ?? [];
  }

  ofDevice(edgeNode: string, device: string): readonly number[] {
    return this.byDevice.get(deviceKey(edgeNode, device)) ?? [];
  }
}
