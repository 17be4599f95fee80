import { gauge, transmitter } from '../model/instruments';
import type { PartSink } from '../model/part-sink';
import { box, cyl } from '../model/primitives';
import { AXIS_Y, LOOP, PIPE_R, PUMP } from './layout';

export const NODES = {
  inletValve: 'inlet-valve',
  outletValve: 'outlet-valve',
  flowMeter: 'flow-meter',
  pressure: 'pressure-transmitter',
} as const;

/** Instruments at lab size: about half the plant-sized ones. */
const LAB = 0.45;

/** 2/2-way solenoid valve in a horizontal line: brass body, armature tube, blue coil with its plug. */
function solenoidValve(sink: PartSink, node: string, x: number, y: number): void {
  sink.add(node, 'paint-valve', box(0.075, 0.05, 0.046, [x, y, 0]));
  for (const dx of [-0.045, 0.045])
    sink.add(node, 'steel', cyl(PIPE_R + 0.01, 0.018, 'x', [x + dx, y, 0], { seg: 6 }));
  sink.add(node, 'steel', cyl(0.014, 0.03, 'y', [x, y + 0.04, 0], { seg: 16 }));
  const coilY = y + 0.055 + 0.0375;
  sink.add(node, 'paint-enamel-blue', box(0.08, 0.075, 0.08, [x, coilY, 0]));
  sink.add(node, 'paint-enamel-blue', box(0.07, 0.006, 0.07, [x, coilY + 0.04, 0]));
  sink.add(node, 'steel', cyl(0.01, 0.012, 'y', [x, coilY + 0.047, 0], { seg: 6 }));
  // DIN connector at the back, toward the board, and its cable gland.
  sink.add(node, 'rubber', box(0.034, 0.04, 0.024, [x, coilY - 0.004, -0.052]));
  sink.add(node, 'rubber', cyl(0.007, 0.02, 'y', [x, coilY - 0.034, -0.052], { seg: 10 }));
}

/** Inline flow meter: flow body in the run and a round transmitter head with its display, facing the viewer. */
function flowMeter(sink: PartSink, node: string, x: number, y: number): void {
  const r = PIPE_R + 0.016;
  sink.add(node, 'paint-valve', cyl(r, 0.1, 'x', [x, y, 0], { seg: 32 }));
  for (const dx of [-0.055, 0.055])
    sink.add(node, 'steel', cyl(PIPE_R + 0.01, 0.014, 'x', [x + dx, y, 0], { seg: 6 }));
  sink.add(node, 'steel', cyl(0.012, 0.035, 'y', [x, y + r + 0.0175, 0], { seg: 12 }));
  const headY = y + r + 0.035 + 0.045;
  sink.add(node, 'paint-cabinet', cyl(0.045, 0.045, 'z', [x, headY, 0], { seg: 32 }));
  sink.add(node, 'dial', cyl(0.037, 0.003, 'z', [x, headY, 0.024], { seg: 32 }));
  sink.add(node, 'rubber', box(0.042, 0.016, 0.002, [x, headY + 0.006, 0.026]));
  sink.add(node, 'rubber', cyl(0.007, 0.02, 'x', [x + 0.052, headY, 0], { seg: 10 }));
}

/** Pressure tapping on the riser: a cross with the transmitter on one side and a dial gauge on the other. */
function pressureSensor(sink: PartSink, node: string, x: number, y: number): void {
  sink.add(node, 'steel', cyl(PIPE_R + 0.007, 0.06, 'y', [x, y, 0], { seg: 6 }));
  const branch = 0.045;
  sink.add(node, 'steel', cyl(0.011, branch, 'x', [x + PIPE_R + branch / 2, y, 0], { seg: 12 }));
  sink.add(node, 'steel', cyl(0.011, branch, 'x', [x - PIPE_R - branch / 2, y, 0], { seg: 12 }));
  // The transmitter's impulse stub reaches 0.11 of its scale back toward -X.
  transmitter(sink, node, [x + PIPE_R + branch + 0.11 * LAB - 0.006, y, 0], LAB);
  gauge(sink, node, [x - PIPE_R - branch, y, 0], LAB);
}

export function buildLoopInstruments(sink: PartSink): void {
  solenoidValve(sink, NODES.inletValve, LOOP.inletValveX, AXIS_Y);
  solenoidValve(sink, NODES.outletValve, LOOP.outletValveX, LOOP.riserTop);
  flowMeter(sink, NODES.flowMeter, LOOP.flowMeterX, LOOP.riserTop);
  pressureSensor(sink, NODES.pressure, PUMP.outletX, LOOP.pressureTapY);
}
