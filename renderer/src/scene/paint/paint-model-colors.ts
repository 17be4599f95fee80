/**
 * The render-loop pass of the model colour modes: remaining useful life and the forecast at +H on viridis,
 * fault type in its categorical colours; every other part keeps its grey. Allocation-free per frame.
 */
import * as THREE from 'three';
import { valueFraction } from '../../../../core/asset/alarm-distance';
import { RUL_CAP_HOURS } from '../../../../core/ml/pump/spec';
import type { PredictionState } from '../../state/prediction-store';
import type { ColorBy } from '../../state/view-store';
import { viridisInto } from './colormap';
import type { SceneComponent } from '../bind-components';
import type { ForecastState } from '../../state/forecast-store';
import { valueAtHorizon } from '../../state/forecast-values';
import { FAULT_TYPE_COLORS, rulPosition } from './model-colors';

export type ModelColorBy = Extract<ColorBy, { mode: 'rul' | 'fault-type' | 'forecast' }>;

export const isModelColorBy = (c: ColorBy): c is ModelColorBy =>
  c.mode === 'rul' || c.mode === 'fault-type' || c.mode === 'forecast';

/** The palette as linear RGB (THREE.Color converts the sRGB hex), parsed once. */
const FAULT_LINEAR = new Map(
  Object.entries(FAULT_TYPE_COLORS).map(([id, hex]) => [id, new THREE.Color(hex)]),
);

/**
 * Paints `comps` for a model colour mode and writes each part's score: the viridis position (RUL: 1 at 0 h;
 * forecast: the predicted value's place between the tag's lowest and highest limit), or 1 for a part painted
 * with a fault type; 0 and grey where the model says nothing. `tagIndex`: the forecast tag's asset index.
 */
export function paintModelColours(
  comps: readonly SceneComponent[],
  colorBy: ModelColorBy,
  prediction: PredictionState,
  forecast: ForecastState,
  tagIndex: number,
  tint: THREE.Color,
): void {
  const running = prediction.status === 'running';
  for (const c of comps) {
    const i = prediction.components.indexOf(c.id);
    let t = Number.NaN;
    let fault: THREE.Color | undefined;
    if (colorBy.mode === 'rul') {
      if (running && i >= 0) t = rulPosition(prediction.rulHours?.[i] ?? Number.NaN, RUL_CAP_HOURS);
    } else if (colorBy.mode === 'fault-type') {
      const f = running && i >= 0 ? prediction.faultType?.[i] : null;
      fault = f ? FAULT_LINEAR.get(f) : undefined;
    } else {
      const k = c.tagIndices.indexOf(tagIndex);
      const v = k >= 0 ? valueAtHorizon(forecast.forecast, tagIndex, colorBy.horizonMin) : null;
      if (v !== null) t = valueFraction(c.tags[k]!, v);
    }
    const colored = fault !== undefined || Number.isFinite(t);
    c.score = fault ? 1 : colored ? t : 0;
    if (fault) tint.copy(fault);
    else if (colored) viridisInto(t, tint);
    for (const m of c.paint) m.color.copy(colored ? tint : (m.userData.baseColor as THREE.Color));
  }
}
