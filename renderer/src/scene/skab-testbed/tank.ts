import type { PartSink } from '../model/part-sink';
import { box, cyl, sphere } from '../model/primitives';
import { LOOP, TANK, TOP } from './layout';

export const TANK_NODE = 'tank';

const PANE = 0.006;
const ANGLE = 0.022;

/** An L-section steel angle along one axis, its corner at (x, y, z), legs toward +/- of the other axes. */
function edge(
  sink: PartSink,
  len: number,
  axis: 'x' | 'y' | 'z',
  c: readonly [number, number, number],
): void {
  const size: [number, number, number] =
    axis === 'x' ? [len, ANGLE, ANGLE] : axis === 'y' ? [ANGLE, len, ANGLE] : [ANGLE, ANGLE, len];
  sink.add(TANK_NODE, 'paint-frame', box(size[0], size[1], size[2], [c[0], c[1], c[2]]));
}

/**
 * Glass water tank in a welded angle frame on short legs, as on the photograph: the inlet line leaves
 * through the left wall near the bottom, the outlet line drops in through the top. The water (fixed at
 * the testbed's working level; no level is measured) and the TT102 thermocouple are part of it.
 */
export function buildTank(sink: PartSink): void {
  const { x0, x1, z0, z1, bottom, top, water } = TANK;
  const w = x1 - x0;
  const d = z1 - z0;
  const h = top - bottom;
  const cx = (x0 + x1) / 2;
  const cz = (z0 + z1) / 2;
  const cy = (bottom + top) / 2;
  // Panes.
  sink.add(TANK_NODE, 'glass', box(w, h, PANE, [cx, cy, z1]));
  sink.add(TANK_NODE, 'glass', box(w, h, PANE, [cx, cy, z0]));
  sink.add(TANK_NODE, 'glass', box(PANE, h, d, [x0, cy, cz]));
  sink.add(TANK_NODE, 'glass', box(PANE, h, d, [x1, cy, cz]));
  sink.add(TANK_NODE, 'glass', box(w, PANE, d, [cx, bottom, cz]));
  // Water at its working level.
  const wh = water - bottom - PANE;
  sink.add(TANK_NODE, 'liquid', box(w - 0.02, wh, d - 0.02, [cx, bottom + PANE / 2 + wh / 2, cz]));

  // Frame: the twelve edges, posts down to the bench, a lower ring and a shelf bar.
  for (const y of [bottom, top]) {
    for (const z of [z0, z1]) edge(sink, w + ANGLE, 'x', [cx, y, z]);
    for (const x of [x0, x1]) edge(sink, d, 'z', [x, y, cz]);
  }
  const post = top - TOP;
  for (const x of [x0, x1]) for (const z of [z0, z1]) edge(sink, post, 'y', [x, TOP + post / 2, z]);
  const ringY = TOP + 0.02;
  for (const z of [z0, z1]) edge(sink, w, 'x', [cx, ringY, z]);
  for (const x of [x0, x1]) edge(sink, d, 'z', [x, ringY, cz]);
  edge(sink, d, 'z', [cx, ringY, cz]);
  for (const x of [x0, x1])
    for (const z of [z0, z1]) sink.add(TANK_NODE, 'steel', box(0.05, 0.006, 0.05, [x, TOP + 0.003, z]));

  // Thermocouple TT102 through the top rim into the water, head and cable gland above.
  const tx = x1 - 0.12;
  const tz = z0 + 0.06;
  sink.add(
    TANK_NODE,
    'steel',
    cyl(0.004, top - water + 0.14, 'y', [tx, (top + water - 0.14) / 2 + 0.04, tz], { seg: 8 }),
  );
  sink.add(TANK_NODE, 'paint-cabinet', cyl(0.022, 0.03, 'y', [tx, top + 0.06, tz], { seg: 20 }));
  sink.add(TANK_NODE, 'paint-cabinet', sphere(0.022, [tx, top + 0.075, tz], [1, 0.5, 1], Math.PI / 2));
  sink.add(TANK_NODE, 'steel', box(0.05, 0.008, 0.03, [tx, top + 0.018, tz]));
  // Drain valve at the bottom right, lever along the wall.
  const dx = x1 - 0.05;
  sink.add(
    TANK_NODE,
    'steel',
    cyl(0.012, bottom - TOP - 0.012, 'y', [dx, (bottom + TOP) / 2 + 0.006, cz + 0.1], { seg: 12 }),
  );
  sink.add(TANK_NODE, 'steel', sphere(0.016, [dx, TOP + 0.03, cz + 0.1]));
  sink.add(TANK_NODE, 'rubber', box(0.06, 0.008, 0.012, [dx - 0.03, TOP + 0.045, cz + 0.1]));
  // Return pipe's outlet below the water surface keeps the inflow quiet.
  sink.add(TANK_NODE, 'steel', cyl(0.026, 0.012, 'y', [LOOP.returnX, water - 0.05, 0], { seg: 20 }));
}
