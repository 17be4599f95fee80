import * as THREE from 'three';
import { interpolateViridis } from 'd3-scale-chromatic';

const LUT_SIZE = 256;

/** Viridis sampled once into linear-RGB floats, so the render loop never parses color strings. */
const viridisLinear = (() => {
  const lut = new Float32Array(LUT_SIZE * 3);
  const c = new THREE.Color();
  for (let i = 0; i < LUT_SIZE; i++) {
    c.setStyle(interpolateViridis(i / (LUT_SIZE - 1)), THREE.SRGBColorSpace);
    lut[i * 3] = c.r;
    lut[i * 3 + 1] = c.g;
    lut[i * 3 + 2] = c.b;
  }
  return lut;
})();

/** Writes viridis(t) (t clamped to 0..1) into `out` as linear RGB; allocation-free. */
export function viridisInto(t: number, out: THREE.Color): THREE.Color {
  const k = Math.round(Math.min(1, Math.max(0, t)) * (LUT_SIZE - 1)) * 3;
  return out.setRGB(viridisLinear[k] ?? 0, viridisLinear[k + 1] ?? 0, viridisLinear[k + 2] ?? 0);
}

/** CSS gradient of the same colormap, for the legend. */
export function viridisCss(stops = 9): string {
  const parts: string[] = [];
  for (let i = 0; i < stops; i++)
    parts.push(`${interpolateViridis(i / (stops - 1))} ${((i / (stops - 1)) * 100).toFixed(0)}%`);
  return `linear-gradient(to right, ${parts.join(', ')})`;
}

/** Below this score a component keeps its own muted paint (ISA-101: normal equipment stays grey). */
export const SCORE_GREY = 0.05;
/** Score span over which the paint blends into the colormap color. */
export const SCORE_BLEND = 0.15;
