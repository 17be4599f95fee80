import type { PartSink } from './part-sink';
import { cyl, type Axis, type Vec3 } from './primitives';

/**
 * Pipe flange: a machined disc plus a bolt circle, centred at `c`, facing along `axis`. `scale` shrinks the
 * disc thickness, bolts and margins for small bore lab piping (1: process plant sizes).
 */
export function flange(
  sink: PartSink,
  node: string | null,
  axis: Axis,
  c: Vec3,
  pipeR: number,
  bolts = 8,
  scale = 1,
) {
  const fr = pipeR * 1.9 + 0.02 * scale;
  sink.add(node, 'steel', cyl(fr, 0.028 * scale, axis, c, { seg: 40 }));
  const pcd = (fr + pipeR) / 2 + 0.01 * scale;
  for (let i = 0; i < bolts; i++) {
    const a = ((i + 0.5) / bolts) * Math.PI * 2;
    const u = Math.cos(a) * pcd;
    const v = Math.sin(a) * pcd;
    const p: Vec3 =
      axis === 'x'
        ? [c[0], c[1] + u, c[2] + v]
        : axis === 'y'
          ? [c[0] + u, c[1], c[2] + v]
          : [c[0] + u, c[1] + v, c[2]];
    sink.add(node, 'dark-steel', cyl(0.011 * scale, 0.06 * scale, axis, p, { seg: 6 }));
  }
}
