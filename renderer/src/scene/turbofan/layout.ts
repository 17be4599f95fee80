/**
 * Station layout of the procedural two-spool turbofan (metres, engine axis along +x, air flows to
 * +x). Proportions follow a high-bypass engine of the C-MAPSS 90,000 lbf class, scaled to ~4.6 m.
 */
export const AXIS_Y = 1.55;
export const INTAKE_X = -1.75;
export const FAN = { x: -1.15, hub: 0.24, tip: 0.9, blades: 22 };
export const NACELLE = { from: INTAKE_X, to: 0.95, outer: 1.04, inner: 0.93 };
/** Splitter and core cowl: the inner wall of the bypass duct. */
export const CORE_COWL = { from: -0.92, to: 1.75, r0: 0.56, r1: 0.47 };

export interface StageRow {
  x: number;
  hub: number;
  tip: number;
  blades: number;
}

const rows = (
  x0: number,
  x1: number,
  n: number,
  hub0: number,
  hub1: number,
  tip0: number,
  tip1: number,
  blades: number,
) =>
  Array.from({ length: n }, (_, i): StageRow => {
    const f = n === 1 ? 0 : i / (n - 1);
    return { x: x0 + (x1 - x0) * f, hub: hub0 + (hub1 - hub0) * f, tip: tip0 + (tip1 - tip0) * f, blades };
  });

export const LPC = rows(-0.78, -0.42, 3, 0.24, 0.27, 0.47, 0.43, 30);
export const HPC = rows(-0.28, 0.42, 7, 0.2, 0.25, 0.38, 0.31, 36);
export const COMBUSTOR = { from: 0.5, to: 0.92, inner: 0.22, outer: 0.37 };
export const HPT = rows(1.0, 1.14, 2, 0.24, 0.25, 0.35, 0.37, 40);
export const LPT = rows(1.24, 1.66, 4, 0.25, 0.27, 0.38, 0.46, 44);
export const NOZZLE = { from: 1.7, to: 2.45, r0: 0.48, r1: 0.38 };
export const PLUG = { from: 1.7, to: 2.85, r: 0.27 };
