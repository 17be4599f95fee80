import type { LiveAsset } from './live-sources';
import { displayUrl } from './connection-monitor';

/** One line for the status bar: "Live: MQTT mqtt://127.0.0.1:1883" (and how many more connections). */
export function describeLiveSource(asset: LiveAsset): string {
  const [first, ...rest] = asset.sources.connections;
  if (!first) return 'Live sources';
  const kind =
    first.kind === 'opcua' ? 'OPC UA' : first.payload === 'sparkplug' ? 'MQTT Sparkplug B' : 'MQTT';
  const more = rest.length > 0 ? ` and ${rest.length} more` : '';
  return `Live: ${kind} ${displayUrl(first.url)}${more}`;
}
