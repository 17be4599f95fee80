/**
 * Key dimensions of the SKAB water-pump testbed, metres, taken off the benchmark's photograph (about
 * 2.1 mm per pixel, the motor with its fan cover 0.3 m long). +X runs from the motor toward the tank, +Y is
 * up, the viewer stands at +Z, the backboard is behind at -Z. Heights are above the bench's top (TOP).
 */
export const TOP = 0.78;
export const BENCH = { x0: -1.38, x1: 1.38, z0: -0.36, z1: 0.32, slab: 0.06 } as const;
/** Shaft line of motor and pump, and the inlet line from the tank. */
export const AXIS_Y = TOP + 0.17;
export const BASE = { x0: -1.14, x1: -0.14, z: 0.13, thick: 0.025 } as const;
export const MOTOR = { fan0: -1.1, body0: -1.02, body1: -0.8, radius: 0.088 } as const;
/** Transparent guard over the motor lantern, coupling and pump lantern. */
export const GUARD = { x0: -0.79, x1: -0.56, radius: 0.1 } as const;
/** Horizontal multistage pump: stainless stage sleeve, then the blue end casing with axial inlet. */
export const PUMP = {
  sleeve0: -0.55,
  sleeve1: -0.39,
  sleeveRadius: 0.078,
  casing0: -0.39,
  casing1: -0.22,
  casingRadius: 0.082,
  outletX: -0.3,
} as const;
export const PIPE_R = 0.021;
export const LOOP = {
  /** Inlet line: pump inlet to the tank wall, at AXIS_Y. */
  inletFrom: -0.17,
  inletValveX: 0.2,
  /** Outlet line: riser from the pump, run at runY, down into the tank. */
  riserTop: TOP + 0.8,
  pressureTapY: TOP + 0.52,
  flowMeterX: 0.02,
  outletValveX: 0.36,
  returnX: 0.7,
  bend: 0.06,
} as const;
export const TANK = {
  x0: 0.46,
  x1: 1.16,
  z0: -0.2,
  z1: 0.2,
  bottom: TOP + 0.07,
  top: TOP + 0.49,
  water: TOP + 0.38,
};
export const BOARD = { front: -0.3, thick: 0.03, height: 1.62 } as const;
