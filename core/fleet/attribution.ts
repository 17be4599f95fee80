/**
 * Which sensors drive a prediction, by occlusion: the engine's window is predicted once as it is
 * and once per sensor with that sensor replaced by its training average (z = 0). A sensor whose
 * replacement raises the predicted life is one that is pulling it down.
 */

/** [1 + sensors, W, F]: the window unchanged, then one copy per sensor channel set to 0. */
export function occlusionBatch(
  window: Float32Array,
  windowLength: number,
  features: number,
  sensors: number,
): Float32Array {
  const stride = windowLength * features;
  if (window.length !== stride) throw new Error(`window has ${window.length} values, expected ${stride}`);
  if (sensors > features) throw new Error(`${sensors} sensors but only ${features} feature channels`);
  const out = new Float32Array((1 + sensors) * stride);
  for (let b = 0; b <= sensors; b++) {
    out.set(window, b * stride);
    if (b === 0) continue;
    for (let t = 0; t < windowLength; t++) out[b * stride + t * features + (b - 1)] = 0;
  }
  return out;
}

export interface SensorDriver {
  name: string;
  /** Cycles of predicted life this sensor takes away (negative: it adds life). */
  cycles: number;
}

/** Drivers from the batch's predicted RUL means, largest effect first. */
export function sensorDrivers(rul: ArrayLike<number>, names: readonly string[]): SensorDriver[] {
  if (rul.length !== names.length + 1)
    throw new Error(`expected ${names.length + 1} predictions (base + one per sensor), got ${rul.length}`);
  const base = rul[0]!;
  return names
    .map((name, k) => ({ name, cycles: rul[k + 1]! - base }))
    .sort((a, b) => Math.abs(b.cycles) - Math.abs(a.cycles));
}
