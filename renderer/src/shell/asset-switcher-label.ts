import type { AssetHealth, AssetSummary } from '../../../core/api/domains/assets';
import { i18n } from '../i18n/i18n';

/** Shape and word per health (colour is never the only cue, ISA-101). */
const HEALTH_MARK: Record<AssetHealth, string> = { ok: '●', degraded: '◐', down: '○', idle: '–' };

/**
 * "◐ SKAB water-pump testbed · live 1/1 · 3 stale · 2 alarms": one running asset in the switcher, named in the
 * active language when its asset file translates the name.
 */
export function assetOptionLabel(a: AssetSummary): string {
  const t = i18n.getFixedT(null, 'shell');
  const parts = [`${HEALTH_MARK[a.health]} ${a.names[i18n.language] ?? a.name}`];
  if (a.mode === 'live')
    parts.push(t('switcher.live', { connected: a.connected, connections: a.connections }));
  else parts.push(a.mode === 'simulator' ? t('switcher.simulator') : t('switcher.noSource'));
  if (a.staleTags > 0) parts.push(t('switcher.stale', { count: a.staleTags }));
  if (a.activeAlarms > 0) parts.push(t('switcher.alarms', { count: a.activeAlarms }));
  return parts.join(' · ');
}

/** The worst health among the assets not shown, for the switcher's own mark; null when all are fine. */
export function backgroundAttention(assets: readonly AssetSummary[]): AssetHealth | null {
  const rank: Record<AssetHealth, number> = { ok: 0, idle: 0, degraded: 1, down: 2 };
  const worst = assets
    .filter((a) => !a.active)
    .reduce<AssetHealth>((w, a) => (rank[a.health] > rank[w] ? a.health : w), 'ok');
  return rank[worst] > 0 ? worst : null;
}
