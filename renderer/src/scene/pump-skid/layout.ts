/** Key dimensions of the skid, metres. The shaft runs along +X; +Y is up; the viewer stands at +Z. */
export const AXIS_Y = 0.6;
export const SKID = { x0: -1.75, x1: 1.3, halfWidth: 0.45, railTop: 0.28, plinth: 0.08 } as const;
export const MOTOR = { fan0: -1.62, body0: -1.34, body1: -0.62, radius: 0.235, terminalX: -0.95 } as const;
export const PUMP = {
  bearing0: -0.12,
  bearingSplit: 0.16,
  bearing1: 0.42,
  seal1: 0.56,
  voluteX: 0.67,
  suctionFlangeX: 1.08,
} as const;
export const VOLUTE = { endRadius: 0.1, endCentre: 0.23 } as const;
export const TANK = { x: 3.35, z: 0, radius: 0.9, bottom: 0.9, top: 5.4, outletY: 1.1 } as const;
export const DISCHARGE = { runY: 1.55, valveZ: -0.85, riserZ: -1.6, topY: 3.2, radius: 0.07 } as const;
export const SUCTION_R = 0.085;
export const VFD = { x: -2.75, z: 0, width: 0.8, depth: 0.5, height: 2.0 } as const;
