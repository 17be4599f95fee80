import type { AssetHealth, AssetSummary } from '../../core/api/domains/assets';
import type { ConnectionsSnapshot } from '../../core/api/domains/connections';
import type { Alarm } from '../../core/api/types';
import type { AssetDefinition } from '../../core/asset/schema';

/** Health at a glance: every connection up and fresh is ok, none up is down, anything between degraded. */
export function assetHealth(mode: AssetSummary['mode'], snapshot: ConnectionsSnapshot | null): AssetHealth {
  if (mode === 'none') return 'idle';
  if (mode === 'simulator' || !snapshot) return 'ok';
  const up = snapshot.connections.filter((c) => c.state === 'connected').length;
  if (up === 0) return 'down';
  const stale = snapshot.tags.some((t) => t.stale || t.lastValueAt === null);
  return up < snapshot.connections.length || stale ? 'degraded' : 'ok';
}

/** Language tag → the asset's name in it, for the languages its `translations` table names it in. */
function translatedNames(asset: AssetDefinition): Record<string, string> {
  const names: Record<string, string> = {};
  for (const [language, texts] of Object.entries(asset.translations ?? {}))
    if (texts.name) names[language] = texts.name;
  return names;
}

export function summarizeAsset(
  asset: AssetDefinition,
  active: boolean,
  mode: AssetSummary['mode'],
  source: string,
  snapshot: ConnectionsSnapshot | null,
  alarms: readonly Alarm[],
): AssetSummary {
  return {
    assetId: asset.id,
    name: asset.name,
    names: translatedNames(asset),
    active,
    mode,
    source,
    connected: snapshot?.connections.filter((c) => c.state === 'connected').length ?? 0,
    connections: snapshot?.connections.length ?? 0,
    staleTags: snapshot?.tags.filter((t) => t.stale).length ?? 0,
    activeAlarms: alarms.filter((a) => a.state === 'unack' || a.state === 'ack').length,
    health: assetHealth(mode, snapshot),
  };
}
