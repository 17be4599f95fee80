/**
 * How far the surrogate can be trusted without a physics check: the inputs it is asked about that lie
 * outside the data it was trained on. A setpoint or a plant state many standard deviations from the training
 * mean is extrapolation, where a learned model's test error says nothing.
 */
import type { AssetDefinition } from '../../../../../core/asset/schema';
import { statsIndex, type NormalizationStats } from '../../../../../core/data/normalization';
import {
  PAST_CHANNELS,
  PAST_VALUE_CHANNELS,
  PUMP_CONTROLS,
  WINDOW_LENGTH,
} from '../../../../../core/ml/pump/spec';

/** |z| beyond which an input counts as outside the training data (99.7 % of a normal sample lies within). */
export const EXTRAPOLATION_Z = 3;

export interface OutsideTraining {
  /** Control or tag id. */
  id: string;
  /** Its most extreme value, in its unit. */
  value: number;
  /** That value in training standard deviations from the training mean. */
  z: number;
  kind: 'setpoint' | 'state';
}

/**
 * Planned setpoints ([steps, PUMP_CONTROLS], engineering units) and the measured tags of the last past row
 * (`past`: [WINDOW_LENGTH, PAST_CHANNELS] model input, already z-scored) that lie beyond EXTRAPOLATION_Z,
 * most extreme first.
 */
export function outsideTraining(
  planned: Float32Array,
  past: Float32Array,
  stats: NormalizationStats,
  asset: AssetDefinition,
): OutsideTraining[] {
  const out: OutsideTraining[] = [];
  const C = PUMP_CONTROLS.length;
  const ck = statsIndex(stats, PUMP_CONTROLS);
  PUMP_CONTROLS.forEach((id, j) => {
    let worst: { value: number; z: number } | null = null;
    for (let h = 0; h < planned.length / C; h++) {
      const value = planned[h * C + j]!;
      const z = (value - stats.mean[ck[j]!]!) / stats.std[ck[j]!]!;
      if (Math.abs(z) > EXTRAPOLATION_Z && !(worst && Math.abs(worst.z) >= Math.abs(z))) worst = { value, z };
    }
    if (worst) out.push({ id, ...worst, kind: 'setpoint' });
  });
  const V = PAST_VALUE_CHANNELS.length;
  const last = (WINDOW_LENGTH - 1) * PAST_CHANNELS;
  const vk = statsIndex(stats, PAST_VALUE_CHANNELS);
  asset.tags.forEach((tag) => {
    const c = PAST_VALUE_CHANNELS.indexOf(tag.id);
    // Value channels first, then their masks: a masked (missing) value says nothing.
    if (c < 0 || past[last + V + c] === 0) return;
    const z = past[last + c]!;
    if (Math.abs(z) > EXTRAPOLATION_Z)
      out.push({ id: tag.id, value: z * stats.std[vk[c]!]! + stats.mean[vk[c]!]!, z, kind: 'state' });
  });
  return out.sort((a, b) => Math.abs(b.z) - Math.abs(a.z));
}
