/**
 * The health model's "why" for the selected part: the tags whose occlusion lowers its anomaly probability
 * most, and the parts those tags belong to, for the panel's list and the 3D highlight.
 */
import { createStore } from 'zustand/vanilla';
import type { AssetDefinition } from '../../../core/asset/schema';
import type { TagInfluence } from './prediction-store';

/** Smallest drop in the score's log-odds, when a tag is masked, that counts as a reason (0.5 → 0.525). */
export const MIN_WHY_WEIGHT = 0.1;

export interface WhyEntry extends TagInfluence {
  /** Component that carries the tag (null when no component lists it). */
  componentId: string | null;
}

/** Influences of component `componentId` worth showing, strongest first, each with the part it belongs to. */
export function whyEntries(
  asset: AssetDefinition,
  components: readonly string[],
  influences: readonly TagInfluence[][] | null,
  componentId: string | null,
): WhyEntry[] {
  if (!componentId || !influences) return [];
  const i = components.indexOf(componentId);
  const list = i >= 0 ? (influences[i] ?? []) : [];
  // Tags whose removal barely moves the score explain nothing.
  return list
    .filter((w) => w.weight >= MIN_WHY_WEIGHT)
    .map((w) => ({
      ...w,
      componentId: asset.components.find((c) => c.tags.includes(w.tagId))?.id ?? null,
    }));
}

/** Each entry's share of the listed drops, 0–1 (what the panel shows beside the tag). */
export function whyShares(entries: readonly WhyEntry[]): number[] {
  const total = entries.reduce((sum, e) => sum + e.weight, 0);
  return entries.map((e) => (total > 0 ? e.weight / total : 0));
}

/** Parts to highlight with the largest influence each carries, strongest part first. */
export function whyParts(entries: readonly WhyEntry[]): Map<string, number> {
  const parts = new Map<string, number>();
  for (const e of entries)
    if (e.componentId && !(e.weight <= (parts.get(e.componentId) ?? 0))) parts.set(e.componentId, e.weight);
  return new Map([...parts].sort((a, b) => b[1] - a[1]));
}

/** The "why" tag the pointer is over in the panel, whose part the 3D view singles out. */
export const whyHoverStore = createStore<{ tagId: string | null }>(() => ({ tagId: null }));
export const hoverWhyTag = (tagId: string | null) => whyHoverStore.setState({ tagId });
