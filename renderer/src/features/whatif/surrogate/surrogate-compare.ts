/**
 * Where the surrogate and the physics disagree, and how far to trust the surrogate: per tag, the mean
 * absolute gap between the two over the surrogate's horizon beside the forecaster card's test MAE.
 */
import type { WhatIfComparison } from '../../../../../core/whatif/compare';
import type { CardMae } from '../../../state/forecast-store';
import type { SurrogateRollout } from './surrogate-rollout';

/** A gap above this many times the card's test MAE is outside what the model's own test error explains. */
export const GAP_FLAG_FACTOR = 2;

export interface SurrogateGap {
  tagId: string;
  /** Mean |surrogate − physics plan| over the surrogate's steps; null when either side has no values. */
  gap: number | null;
  /** The card's test MAE for this tag at `cardHorizonMin`; null when the card has none. */
  cardMae: number | null;
  flagged: boolean;
}

/** The card horizon that covers `minutes`: the smallest reported one at or beyond it, else the longest. */
export function cardHorizonFor(card: CardMae, minutes: number): number | null {
  const hs = Object.keys(card)
    .map(Number)
    .filter((h) => Number.isFinite(h))
    .sort((a, b) => a - b);
  return hs.find((h) => h >= minutes) ?? hs.at(-1) ?? null;
}

/** Linear interpolation of a series at time `at` (ms); null outside it or next to a missing point. */
export function valueAt(t: readonly number[], v: readonly (number | null)[], at: number): number | null {
  if (t.length === 0 || at < t[0]! || at > t[t.length - 1]!) return null;
  const hi = t.findIndex((x) => x >= at);
  if (hi <= 0) return v[0] ?? null;
  const lo = hi - 1;
  const a = v[lo];
  const b = v[hi];
  if (a === null || a === undefined || b === null || b === undefined) return null;
  const w = (at - t[lo]!) / (t[hi]! - t[lo]!);
  return a + (b - a) * w;
}

export function surrogateGaps(
  physics: WhatIfComparison,
  surrogate: SurrogateRollout,
  tagIds: readonly string[],
  card: CardMae,
): { cardHorizonMin: number | null; rows: SurrogateGap[] } {
  const cardHorizonMin = cardHorizonFor(card, surrogate.minutes);
  const mae = cardHorizonMin === null ? undefined : card[String(cardHorizonMin)];
  const rows = tagIds.map((tagId): SurrogateGap => {
    const k = physics.tagIds.indexOf(tagId);
    const phys = physics.scenario.values[k] ?? [];
    const sur = surrogate.values[k] ?? [];
    let sum = 0;
    let n = 0;
    surrogate.t.forEach((at, h) => {
      const p = valueAt(physics.t, phys, at);
      const s = sur[h];
      if (p === null || s === null || s === undefined) return;
      sum += Math.abs(s - p);
      n++;
    });
    const gap = n > 0 ? sum / n : null;
    const cardMae = mae?.[tagId] ?? null;
    const flagged = gap !== null && cardMae !== null && gap > GAP_FLAG_FACTOR * cardMae;
    return { tagId, gap, cardMae, flagged };
  });
  return { cardHorizonMin, rows };
}

/** The surrogate on the physics chart's time grid (null outside the surrogate's steps), for a third series. */
export function surrogateOnGrid(physicsT: readonly number[], surrogate: SurrogateRollout, tagIndex: number) {
  const v = surrogate.values[tagIndex] ?? [];
  return physicsT.map((at) => valueAt(surrogate.t, v, at));
}

/** The flagged gaps as "Discharge flow 8.5×", worst first: what the trust verdict names. */
export function flaggedGapRatios(rows: readonly SurrogateGap[]): { tagId: string; ratio: number }[] {
  return rows
    .filter((r) => r.flagged && r.gap !== null && r.cardMae !== null && r.cardMae > 0)
    .map((r) => ({ tagId: r.tagId, ratio: (r.gap as number) / (r.cardMae as number) }))
    .sort((a, b) => b.ratio - a.ratio);
}
