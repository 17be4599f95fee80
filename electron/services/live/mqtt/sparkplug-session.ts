// What a Sparkplug B host application remembers about each edge node of its group: the births it saw
// (metric aliases of the node and of each device), the node's bdSeq and its message sequence number.
import { plainNumber, type SparkplugMetric } from './sparkplug-codec';

interface NodeState {
  /** bdSeq of the NBIRTH: an NDEATH with another bdSeq belongs to an earlier session and is ignored. */
  bdSeq: number | null;
  lastSeq: number | null;
  aliases: Map<number, string>;
  devices: Map<string, Map<number, string>>;
}

export type SequenceCheck = { ok: true } | { ok: false; from: number; to: number };

/** Edge nodes are asked for a rebirth at most this often, however many messages show the need. */
export const REBIRTH_INTERVAL_MS = 3000;

function aliasesOf(metrics: readonly SparkplugMetric[] | null | undefined): Map<number, string> {
  const aliases = new Map<number, string>();
  for (const metric of metrics ?? []) {
    const alias = plainNumber(metric.alias);
    if (alias !== null && metric.name) aliases.set(alias, metric.name);
  }
  return aliases;
}

export class SparkplugSession {
  private readonly nodes = new Map<string, NodeState>();
  private readonly rebirthAskedAt = new Map<string, number>();

  nodeBorn(
    edgeNode: string,
    seq: number | null,
    metrics: readonly SparkplugMetric[] | null | undefined,
  ): void {
    const bdSeq = plainNumber(metrics?.find((m) => m.name === 'bdSeq')?.value);
    this.nodes.set(edgeNode, { bdSeq, lastSeq: seq, aliases: aliasesOf(metrics), devices: new Map() });
    this.rebirthAskedAt.delete(edgeNode);
  }

  /** False when the node itself was never born (the device birth cannot be placed). */
  deviceBorn(
    edgeNode: string,
    device: string,
    metrics: readonly SparkplugMetric[] | null | undefined,
  ): boolean {
    const node = this.nodes.get(edgeNode);
    if (!node) return false;
    node.devices.set(device, aliasesOf(metrics));
    return true;
  }

  isBorn(edgeNode: string, device?: string): boolean {
    const node = this.nodes.get(edgeNode);
    return node !== undefined && (device === undefined || node.devices.has(device));
  }

  /** Records the sequence number of a message after the NBIRTH and says whether any went missing. */
  sequence(edgeNode: string, seq: number | null): SequenceCheck {
    const node = this.nodes.get(edgeNode);
    if (!node || seq === null) return { ok: true };
    const last = node.lastSeq;
    node.lastSeq = seq;
    if (last === null || seq === (last + 1) % 256) return { ok: true };
    return { ok: false, from: last, to: seq };
  }

  /** The metric's name, from the message itself or from the alias its birth gave it. */
  metricName(edgeNode: string, device: string | undefined, metric: SparkplugMetric): string | undefined {
    if (metric.name) return metric.name;
    const alias = plainNumber(metric.alias);
    const node = this.nodes.get(edgeNode);
    if (alias === null || !node) return undefined;
    return (device === undefined ? node.aliases : node.devices.get(device))?.get(alias);
  }

  /** Forgets the node; false (and nothing forgotten) when the NDEATH's bdSeq is not the current birth's. */
  nodeDied(edgeNode: string, metrics: readonly SparkplugMetric[] | null | undefined): boolean {
    const node = this.nodes.get(edgeNode);
    const bdSeq = plainNumber(metrics?.find((m) => m.name === 'bdSeq')?.value);
    if (node && node.bdSeq !== null && bdSeq !== null && bdSeq !== node.bdSeq) return false;
    this.nodes.delete(edgeNode);
    return true;
  }

  deviceDied(edgeNode: string, device: string): void {
    this.nodes.get(edgeNode)?.devices.delete(device);
  }

  /** True when a rebirth may be asked of this node now (and remembers that it was). */
  mayAskRebirth(edgeNode: string, now: number): boolean {
    const last = this.rebirthAskedAt.get(edgeNode);
    if (last !== undefined && now - last < REBIRTH_INTERVAL_MS) return false;
    this.rebirthAskedAt.set(edgeNode, now);
    return true;
  }
}
