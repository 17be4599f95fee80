/** One painter per "Color by" mode, chosen by the current mode. */
import type * as THREE from 'three';
import type { ColorBy } from '../../state/view-store';
import type { SceneComponent } from '../bind-components';
import { paintAlarmDistance, paintOff, paintTagValue } from './paint-measured';
import { paintFaultType, paintForecast, paintRul } from './paint-model-outputs';
import { paintPrediction } from './paint-prediction';
import { paintWhatIfDelta } from './paint-whatif-delta';
import type { PaintContext, Painter } from './paint-context';

const PAINTERS: Record<ColorBy['mode'], Painter> = {
  off: paintOff,
  'alarm-distance': paintAlarmDistance,
  tag: paintTagValue,
  prediction: paintPrediction,
  rul: paintRul,
  'fault-type': paintFaultType,
  forecast: paintForecast,
  'whatif-delta': paintWhatIfDelta,
};

export type ModelColorBy = Extract<ColorBy, { mode: 'rul' | 'fault-type' | 'forecast' }>;

/** The model output modes (their legend is the model legend). */
export const isModelColorBy = (c: ColorBy): c is ModelColorBy =>
  c.mode === 'rul' || c.mode === 'fault-type' || c.mode === 'forecast';

/** Paints every component for `ctx.colorBy` and writes its score (see Painter). */
export function paintScene(
  comps: readonly SceneComponent[],
  values: Float32Array,
  ctx: PaintContext,
  tint: THREE.Color,
): void {
  PAINTERS[ctx.colorBy.mode](comps, values, ctx, tint);
}
