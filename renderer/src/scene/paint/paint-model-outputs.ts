/**
 * Painters of the model outputs: remaining useful life and the forecast's distance to alarm at +H on viridis,
 * fault type in its categorical colors; every part the model says nothing about, or predicts normal, keeps its
 * grey. Allocation-free per frame.
 */
import * as THREE from 'three';
import { alarmDistance, TRIP_DISTANCE } from '../../../../core/asset/alarm-distance';
import { RUL_CAP_HOURS } from '../../../../core/ml/pump/spec';
import { valueAtHorizon } from '../../state/forecast-values';
import type { SceneComponent } from '../bind-components';
import { SCORE_BLEND, SCORE_GREY, viridisInto } from './colormap';
import { FAULT_TYPE_COLORS, rulPosition } from './model-colors';
import { blendPaint, type Painter } from './paint-context';

/** The palette as linear RGB (THREE.Color converts the sRGB hex), parsed once. */
const FAULT_LINEAR = new Map(
  Object.entries(FAULT_TYPE_COLORS).map(([id, hex]) => [id, new THREE.Color(hex)]),
);

/** Paints a part `tint` with score `t` (viridis position, 1 for a fault color), or its grey with score 0. */
function paintPart(c: SceneComponent, colored: boolean, score: number, tint: THREE.Color): void {
  c.score = colored ? score : 0;
  for (const m of c.paint) m.color.copy(colored ? tint : (m.userData.baseColor as THREE.Color));
}

/** Remaining useful life: 1 (bright end) at 0 h, 0 at the cap; grey where the part is not degrading. */
export const paintRul: Painter = (comps, _values, ctx, tint) => {
  const p = ctx.prediction;
  for (const c of comps) {
    const i = p.components.indexOf(c.id);
    const t =
      p.status === 'running' && i >= 0
        ? rulPosition(p.rulHours?.[i] ?? Number.NaN, RUL_CAP_HOURS)
        : Number.NaN;
    const colored = Number.isFinite(t);
    if (colored) viridisInto(t, tint);
    paintPart(c, colored, t, tint);
  }
};

/** The most likely fault of each part in its class color; healthy parts keep their grey. */
export const paintFaultType: Painter = (comps, _values, ctx, tint) => {
  const p = ctx.prediction;
  for (const c of comps) {
    const i = p.components.indexOf(c.id);
    const f = p.status === 'running' && i >= 0 ? p.faultType?.[i] : null;
    const fault = f ? FAULT_LINEAR.get(f) : undefined;
    if (fault) tint.copy(fault);
    paintPart(c, fault !== undefined, 1, tint);
  }
};

/**
 * The part carrying the forecast tag, by the predicted value's distance to alarm on the distance-to-alarm
 * scale (alarm halfway, trip at the top); grey while the prediction stays in the normal band (ISA-101).
 */
export const paintForecast: Painter = (comps, _values, ctx, tint) => {
  const horizon = ctx.colorBy.mode === 'forecast' ? ctx.colorBy.horizonMin : Number.NaN;
  for (const c of comps) {
    const k = c.tagIndices.indexOf(ctx.tagIndex);
    const v = k >= 0 ? valueAtHorizon(ctx.forecast, ctx.tagIndex, horizon) : null;
    const d = v !== null ? alarmDistance(c.tags[k]!, v) : Number.NaN;
    const colored = d > SCORE_GREY;
    c.score = colored ? d : 0;
    if (colored) viridisInto(Math.min(1, d / TRIP_DISTANCE), tint);
    blendPaint(c, colored, tint, Math.min(1, (d - SCORE_GREY) / SCORE_BLEND));
  }
};
