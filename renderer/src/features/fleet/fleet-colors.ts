import * as THREE from 'three';
import { anomalyColorPosition, rulColorPosition } from '../../../../core/fleet/colors';
import type { FleetEngine } from '../../../../core/fleet/sort-filter';
import { viridisInto } from '../../scene/paint/colormap';
import type { FleetColorBy } from './fleet-store';

const LUT_SIZE = 256;

/** Viridis as linear RGB, 256 entries, for writing instance colors straight into their array. */
export const VIRIDIS_LUT = (() => {
  const lut = new Float32Array(LUT_SIZE * 3);
  const c = new THREE.Color();
  for (let i = 0; i < LUT_SIZE; i++) {
    viridisInto(i / (LUT_SIZE - 1), c);
    lut.set([c.r, c.g, c.b], i * 3);
  }
  return lut;
})();

/** Muted grey of an engine without a value (ISA-101: no color without data). */
export const NO_VALUE_GREY: [number, number, number] = [0.32, 0.34, 0.36];

/** Colormap position of each displayed engine for the chosen mode. */
export function colorPositions(
  engines: readonly FleetEngine[],
  colorBy: FleetColorBy,
  rulCap: number,
): Float32Array {
  const out = new Float32Array(engines.length);
  engines.forEach((e, i) => {
    out[i] = colorBy === 'rul' ? rulColorPosition(e.rul, rulCap) : anomalyColorPosition(e.anomaly);
  });
  return out;
}
