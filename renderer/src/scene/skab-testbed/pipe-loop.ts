import * as THREE from 'three';
import type { PartSink } from '../model/part-sink';
import { box, cyl, pipePath, torus, tube, type Axis, type Vec3 } from '../model/primitives';
import { AXIS_Y, BOARD, LOOP, PIPE_R, PUMP, TANK } from './layout';

export const NODES = { inlet: 'inlet-line', outlet: 'outlet-line' } as const;

/** Top of the pump's outlet boss, where the riser starts. */
export const OUTLET_TOP = AXIS_Y + PUMP.casingRadius + 0.035;

const V = (x: number, y: number, z: number) => new THREE.Vector3(x, y, z);
const along = (axis: Axis, c: Vec3, d: number): Vec3 =>
  axis === 'x' ? [c[0] + d, c[1], c[2]] : axis === 'y' ? [c[0], c[1] + d, c[2]] : [c[0], c[1], c[2] + d];

/** Threaded pipe union: hex nut between two collars, centred at `c`. */
export function union(sink: PartSink, node: string, axis: Axis, c: Vec3): void {
  sink.add(node, 'steel', cyl(PIPE_R + 0.011, 0.022, axis, c, { seg: 6 }));
  for (const d of [-0.017, 0.017])
    sink.add(node, 'steel', cyl(PIPE_R + 0.005, 0.012, axis, along(axis, c, d)));
}

/** Stand-off arm from the backboard with a clamp ring round a horizontal (X) pipe at (x, y, 0). */
function standOff(sink: PartSink, x: number, y: number): void {
  const len = -BOARD.front - PIPE_R;
  sink.add(null, 'steel', box(0.02, 0.02, len, [x, y - PIPE_R - 0.012, BOARD.front + len / 2]));
  sink.add(null, 'steel', box(0.05, 0.05, 0.006, [x, y - PIPE_R - 0.012, BOARD.front + 0.003]));
  sink.add(null, 'steel', torus(PIPE_R + 0.004, 0.004, 'x', [x, y, 0]));
}

/** Tank → pump: straight along the shaft line from the tank's bulkhead fitting to the pump inlet. */
export function buildInletLine(sink: PartSink): void {
  const node = NODES.inlet;
  const x0 = PUMP.casing1 + 0.035;
  const x1 = TANK.x0 + 0.01;
  sink.add(node, 'paint-pipe', cyl(PIPE_R, x1 - x0, 'x', [(x0 + x1) / 2, AXIS_Y, 0], { seg: 28 }));
  for (const x of [x0 + 0.02, LOOP.inletValveX - 0.09, LOOP.inletValveX + 0.09])
    union(sink, node, 'x', [x, AXIS_Y, 0]);
  // Bulkhead fitting through the tank wall.
  sink.add(node, 'steel', cyl(PIPE_R + 0.014, 0.014, 'x', [TANK.x0 - 0.012, AXIS_Y, 0], { seg: 6 }));
}

/** Pump → tank: riser from the pump outlet, the run along the top, and the drop into the tank. */
export function buildOutletLine(sink: PartSink): void {
  const node = NODES.outlet;
  const x = PUMP.outletX;
  const y = LOOP.riserTop;
  const path = pipePath(
    [V(x, OUTLET_TOP, 0), V(x, y, 0), V(LOOP.returnX, y, 0), V(LOOP.returnX, TANK.water - 0.05, 0)],
    LOOP.bend,
  );
  sink.add(node, 'paint-pipe', tube(path, PIPE_R, 180, 24));
  union(sink, node, 'y', [x, OUTLET_TOP + 0.02, 0]);
  union(sink, node, 'y', [x, LOOP.pressureTapY + 0.09, 0]);
  for (const ux of [LOOP.flowMeterX + 0.1, LOOP.outletValveX - 0.09, LOOP.outletValveX + 0.09])
    union(sink, node, 'x', [ux, y, 0]);
  // Entry through the tank's top rim.
  sink.add(node, 'steel', cyl(PIPE_R + 0.012, 0.016, 'y', [LOOP.returnX, TANK.top + 0.012, 0], { seg: 6 }));
  for (const sx of [-0.1, 0.56]) standOff(sink, sx, y);
}
