import type * as THREE from 'three';
import type { PredictionState } from '../../state/prediction-store';
import type { LiveForecast } from '../../state/forecast-store';
import type { ColorBy } from '../../state/view-store';
import type { SceneComponent } from '../bind-components';

/** What one coloring pass needs besides the values; built by the caller once per frame. */
export interface PaintContext {
  colorBy: ColorBy;
  /** Asset tag index of the mode's tag ('tag' and 'forecast'), else −1. */
  tagIndex: number;
  prediction: PredictionState;
  /** The live forecast ('forecast' mode). */
  forecast: LiveForecast | null;
  /** Span of each asset tag (see tagSpan), for the change coloring. */
  spans: Float32Array;
  /** "Do nothing" at the preview time ('whatif-delta' mode); null when nothing is previewed. */
  baseline: Float32Array | null;
}

/**
 * Colors every component's paint from `values` (asset tag order) for one mode and writes its score;
 * allocation-free, called from the render loop (twice per frame when the view is split).
 */
export type Painter = (
  comps: readonly SceneComponent[],
  values: Float32Array,
  ctx: PaintContext,
  tint: THREE.Color,
) => void;

/** Paints a part from its base color `blend` of the way into `tint`, or leaves it in its base color. */
export function blendPaint(c: SceneComponent, colored: boolean, tint: THREE.Color, blend: number): void {
  for (const m of c.paint) {
    const base = m.userData.baseColor as THREE.Color;
    if (!colored) m.color.copy(base);
    else m.color.copy(base).lerp(tint, blend);
  }
}
