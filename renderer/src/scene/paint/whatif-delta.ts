import type { AssetDefinition, TagDefinition } from '../../../../core/asset/schema';
import type { RolloutSeries } from '../../../../core/scenario/whatif-request';

/**
 * Below this share of a tag's span a change is noise: the part keeps its normal grey. "Do nothing" and the plan
 * draw their noise differently, so outside drivers drift apart too (ambient air: 0.3–0.7 °C, 1–2 % of its span,
 * after 15 min); 5 % keeps that grey.
 */
export const DELTA_GREY = 0.05;
/** A change of this share of the tag's span (or more) takes the top of the color scale. */
export const DELTA_FULL_SCALE = 0.5;

/**
 * The span a change is measured against: lowest to highest limit the asset defines for the tag (normal band,
 * alarm and trip), the same span the "live value of tag" coloring uses. 0 when the definition has none.
 */
export function tagSpan(tag: TagDefinition): number {
  const low = Math.min(tag.normal[0], tag.alarm?.low ?? tag.normal[0], tag.trip?.low ?? tag.normal[0]);
  const high = Math.max(tag.normal[1], tag.alarm?.high ?? tag.normal[1], tag.trip?.high ?? tag.normal[1]);
  return Math.max(0, high - low);
}

/** One rollout's values at one point, in asset tag order (NaN where missing), written into `out`. */
export function frameAt(series: RolloutSeries, index: number, out: Float32Array): Float32Array {
  for (let i = 0; i < out.length; i++) out[i] = series.values[i]?.[index] ?? Number.NaN;
  return out;
}

/** How far one part's predicted state moves from "do nothing": its tag that moved most, against its span. */
export interface ComponentDelta {
  /** |scenario − baseline| / span of the tag that moved most; 0 when nothing moved or nothing is known. */
  score: number;
  /** Asset tag index of that tag; −1 when none. */
  tagIndex: number;
  /** scenario − baseline of that tag, in its unit. */
  delta: number;
}

export const emptyDelta = (): ComponentDelta => ({ score: 0, tagIndex: -1, delta: 0 });

/**
 * Writes into `out` the largest normalised change among the part's tags (allocation-free: it runs per frame).
 * Tags with no span or a missing value on either side are skipped.
 */
export function componentDelta(
  tagIndices: ArrayLike<number>,
  spans: ArrayLike<number>,
  baseline: ArrayLike<number>,
  scenario: ArrayLike<number>,
  out: ComponentDelta,
): ComponentDelta {
  out.score = 0;
  out.tagIndex = -1;
  out.delta = 0;
  for (let k = 0; k < tagIndices.length; k++) {
    const i = tagIndices[k]!;
    const span = spans[i] ?? 0;
    const d = (scenario[i] ?? Number.NaN) - (baseline[i] ?? Number.NaN);
    if (!(span > 0) || !Number.isFinite(d)) continue;
    const score = Math.abs(d) / span;
    if (score > out.score) {
      out.score = score;
      out.tagIndex = i;
      out.delta = d;
    }
  }
  return out;
}

/** Position on the color scale (0..1) of a normalised change. */
export const deltaColorT = (score: number): number => Math.min(1, score / DELTA_FULL_SCALE);

export interface Mover {
  componentId: string;
  componentName: string;
  tag: TagDefinition;
  baseline: number;
  scenario: number;
  delta: number;
  /** |delta| / span of the tag. */
  score: number;
}

/** Every part's biggest change at one time, largest first; parts whose change is below DELTA_GREY are left out. */
export function movers(
  asset: AssetDefinition,
  baseline: ArrayLike<number>,
  scenario: ArrayLike<number>,
): Mover[] {
  const spans = asset.tags.map(tagSpan);
  const index = new Map(asset.tags.map((t, i) => [t.id, i]));
  const out: Mover[] = [];
  const d = emptyDelta();
  for (const c of asset.components) {
    const indices = c.tags.map((id) => index.get(id) ?? -1).filter((i) => i >= 0);
    componentDelta(indices, spans, baseline, scenario, d);
    const tag = asset.tags[d.tagIndex];
    if (!tag || d.score <= DELTA_GREY) continue;
    out.push({
      componentId: c.id,
      componentName: c.name,
      tag,
      baseline: baseline[d.tagIndex] ?? Number.NaN,
      scenario: scenario[d.tagIndex] ?? Number.NaN,
      delta: d.delta,
      score: d.score,
    });
  }
  return out.sort((a, b) => b.score - a.score);
}
