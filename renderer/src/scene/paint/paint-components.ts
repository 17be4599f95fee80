import type * as THREE from 'three';
import { alarmDistance, valueFraction } from '../../../../core/asset/alarm-distance';
import { RUL_CAP_HOURS } from '../../../../core/ml/pump/spec';
import { predictionScore, type PredictionState } from '../../state/prediction-store';
import type { ColorBy } from '../../state/view-store';
import { componentDelta, deltaColorT, DELTA_GREY } from './whatif-delta';
import type { SceneComponent } from '../bind-components';
import { SCORE_BLEND, SCORE_GREY, viridisInto } from './colormap';

/** Normalised change over which a part blends from its grey into the change colour. */
const DELTA_BLEND = 0.1;

/** What one colouring pass needs besides the values; built by the caller once per frame. */
export interface PaintContext {
  colorBy: ColorBy;
  /** Asset tag index of the tag to colour by ('tag' mode), else −1. */
  tagIndex: number;
  prediction: PredictionState;
  /** Span of each asset tag (see tagSpan), for the change colouring. */
  spans: Float32Array;
  /** "Do nothing" at the preview time ('whatif-delta' mode); null when nothing is previewed. */
  baseline: Float32Array | null;
}

/**
 * Colours every component's paint from `values` (asset tag order) by the chosen mode and writes its score;
 * allocation-free, called from the render loop (twice per frame when the view is split).
 */
export function paintComponents(
  comps: readonly SceneComponent[],
  values: Float32Array,
  ctx: PaintContext,
  tint: THREE.Color,
): void {
  const mode = ctx.colorBy.mode;
  for (const c of comps) {
    let score = 0;
    let colored = false;
    let t = 0;
    let blend = 1;
    if (mode === 'alarm-distance') {
      for (let i = 0; i < c.tagIndices.length; i++) {
        const v = values[c.tagIndices[i]!];
        const tag = c.tags[i];
        if (v === undefined || !tag) continue;
        const d = alarmDistance(tag, v);
        if (d > score) score = d;
      }
      colored = score > SCORE_GREY;
      t = Math.min(1, score);
      blend = Math.min(1, (score - SCORE_GREY) / SCORE_BLEND);
    } else if (mode === 'prediction') {
      // Same rule as distance to alarm: grey until the model's score leaves the normal band.
      const p = predictionScore(ctx.prediction, ctx.prediction.components.indexOf(c.id), RUL_CAP_HOURS);
      score = Number.isFinite(p) ? p : 0;
      colored = score > SCORE_GREY;
      t = Math.min(1, score);
      blend = Math.min(1, (score - SCORE_GREY) / SCORE_BLEND);
    } else if (mode === 'whatif-delta') {
      if (ctx.baseline) componentDelta(c.tagIndices, ctx.spans, ctx.baseline, values, c.delta);
      else c.delta.score = 0;
      score = c.delta.score;
      colored = score > DELTA_GREY;
      t = deltaColorT(score);
      blend = Math.min(1, (score - DELTA_GREY) / DELTA_BLEND);
    } else if (ctx.tagIndex >= 0) {
      for (let i = 0; i < c.tagIndices.length; i++) {
        if (c.tagIndices[i] !== ctx.tagIndex) continue;
        const v = values[ctx.tagIndex];
        const tag = c.tags[i];
        if (v === undefined || !tag) continue;
        const f = valueFraction(tag, v);
        if (Number.isFinite(f)) {
          score = f;
          t = f;
          colored = true;
        }
      }
    }
    c.score = score;
    if (colored) viridisInto(t, tint);
    for (const m of c.paint) {
      const base = m.userData.baseColor as THREE.Color;
      if (!colored) m.color.copy(base);
      else m.color.copy(base).lerp(tint, blend);
    }
  }
}
