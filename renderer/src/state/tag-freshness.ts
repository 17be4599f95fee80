/**
 * How a displayed value stands with its live source, beyond the cleaning qualities: fresh, stale, never
 * received, bad at the source or uncertain. Pure classifiers plus readers of the stores that are cheap enough
 * for the render loop (no allocation).
 */
import { i18n } from '../i18n/i18n';
import type { TagSourceStatus } from '../../../core/api/domains/connections';
import { Quality } from '../../../core/data/quality';
import { connectionsStore } from './connections-store';
import { displayedQuality } from './display-values';
import { playbackStore } from './playback-store';

export type Freshness = 'fresh' | 'stale' | 'never' | 'bad-at-source' | 'uncertain';

/**
 * Classifies one value. `source` is the tag's binding status and `liveNow` whether the view shows the live
 * sources now (not a replay, not the simulator): only then does the status describe the value on screen.
 */
export function freshnessOf(
  quality: number,
  source: TagSourceStatus | undefined,
  liveNow: boolean,
): Freshness {
  if (quality === Quality.stale) return 'stale';
  if (quality === Quality.sourceBad) return 'bad-at-source';
  if (liveNow && source) {
    if (source.lastValueAt === null) return 'never';
    if (source.stale) return 'stale';
  }
  if (quality === Quality.uncertain) return 'uncertain';
  return 'fresh';
}

/** Whether a part carrying this value is drawn hatched: its data is old or never came. */
export const isStaleLike = (f: Freshness): boolean => f === 'stale' || f === 'never';

/** Milliseconds since the tag's last value arrived, at `now`; null when unknown. */
export function sourceAgeMs(source: TagSourceStatus | undefined, now: number): number | null {
  if (!source || source.lastValueAt === null) return null;
  return Math.max(0, now - source.lastValueAt);
}

/** Short age: "42 s", "3 min", "5 h", "2 d". */
export function formatAge(ms: number): string {
  const s = Math.floor(Math.max(0, ms) / 1000);
  if (s < 60) return i18n.t('common:age.s', { n: s });
  if (s < 3600) return i18n.t('common:age.min', { n: Math.floor(s / 60) });
  if (s < 86_400) return i18n.t('common:age.h', { n: Math.floor(s / 3600) });
  return i18n.t('common:age.d', { n: Math.floor(s / 86_400) });
}

/** True while the view shows the live sources' newest values (the snapshot describes what is on screen). */
export function liveSourcesOnScreen(): boolean {
  return connectionsStore.getState().snapshot?.mode === 'live' && playbackStore.getState().mode === 'live';
}

/** Freshness of the displayed value of the tag at `index` (asset order) with id `tagId`. */
export function displayedFreshness(index: number, tagId: string): Freshness {
  return freshnessOf(
    displayedQuality(index),
    connectionsStore.getState().byTag.get(tagId),
    liveSourcesOnScreen(),
  );
}

/** Age of the tag's last live value as of the newest snapshot; null when replaying or never received. */
export function displayedSourceAge(tagId: string): number | null {
  if (!liveSourcesOnScreen()) return null;
  const { byTag, receivedAt } = connectionsStore.getState();
  return sourceAgeMs(byTag.get(tagId), receivedAt);
}
