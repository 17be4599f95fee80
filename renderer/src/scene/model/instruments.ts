import type { PartSink } from './part-sink';
import { box, cyl, sphere, type Vec3 } from './primitives';

/*
 * Field instruments shared by the procedural models. `scale` sizes them for the equipment they sit on
 * (1: process plant; about 0.5: a laboratory testbed).
 */

/** Dial pressure gauge on a short stem rising from `at`, face toward +Z (the viewer). */
export function gauge(sink: PartSink, node: string, at: Vec3, scale = 1): void {
  const k = scale;
  const [x, y, z] = at;
  sink.add(node, 'steel', cyl(0.008 * k, 0.12 * k, 'y', [x, y + 0.06 * k, z], { seg: 8 }));
  sink.add(node, 'dark-steel', cyl(0.014 * k, 0.02 * k, 'y', [x, y + 0.1 * k, z], { seg: 6 }));
  sink.add(node, 'steel', cyl(0.06 * k, 0.035 * k, 'z', [x, y + 0.18 * k, z], { seg: 32 }));
  sink.add(node, 'dial', cyl(0.052 * k, 0.004 * k, 'z', [x, y + 0.18 * k, z + 0.018 * k], { seg: 32 }));
  sink.add(
    node,
    'rubber',
    box(0.004 * k, 0.04 * k, 0.004 * k, [x + 0.01 * k, y + 0.19 * k, z + 0.022 * k], [0, 0, -0.6]),
  );
}

/** Pressure transmitter: manifold block with its impulse stub toward -X, and a two-compartment housing. */
export function transmitter(sink: PartSink, node: string, at: Vec3, scale = 1): void {
  const k = scale;
  const [x, y, z] = at;
  sink.add(node, 'steel', box(0.06 * k, 0.05 * k, 0.06 * k, [x, y, z]));
  sink.add(node, 'steel', cyl(0.012 * k, 0.1 * k, 'x', [x - 0.06 * k, y, z], { seg: 8 }));
  sink.add(node, 'paint-cabinet', cyl(0.05 * k, 0.12 * k, 'z', [x, y + 0.09 * k, z], { seg: 24 }));
  sink.add(node, 'dark-steel', cyl(0.04 * k, 0.008 * k, 'z', [x, y + 0.09 * k, z + 0.064 * k], { seg: 24 }));
}

/** A bolted-on instrument head: stem, hex and housing (RTD, vibration transmitter, accelerometer). */
export function sensorHead(
  sink: PartSink,
  node: string,
  x: number,
  y: number,
  z: number,
  tall = 0.09,
  scale = 1,
): void {
  const k = scale;
  sink.add(node, 'steel', cyl(0.008 * k, tall, 'y', [x, y + tall / 2, z], { seg: 10 }));
  sink.add(node, 'dark-steel', cyl(0.02 * k, 0.02 * k, 'y', [x, y + 0.012 * k, z], { seg: 6 }));
  sink.add(node, 'steel', cyl(0.03 * k, 0.045 * k, 'y', [x, y + tall + 0.02 * k, z], { seg: 20 }));
  sink.add(node, 'steel', sphere(0.03 * k, [x, y + tall + 0.042 * k, z], [1, 0.4, 1], Math.PI / 2));
}
