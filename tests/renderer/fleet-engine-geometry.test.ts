/** The fleet's one engine shape: at low quality far fewer triangles, the same size, so 1,000 engines draw faster. */
import { describe, expect, it } from 'vitest';
import { fleetEngineGeometry } from '../../renderer/src/features/fleet/engine-geometry';

const triangles = (low: boolean) => {
  const g = fleetEngineGeometry(low);
  return (g.index?.count ?? g.getAttribute('position').count) / 3;
};

describe('fleet engine geometry', () => {
  it('has under half the triangles at low detail and the same bounds', () => {
    expect(triangles(true)).toBeLessThan(triangles(false) / 2);
    const full = fleetEngineGeometry(false);
    const low = fleetEngineGeometry(true);
    full.computeBoundingBox();
    low.computeBoundingBox();
    expect(low.boundingBox!.max.x).toBeCloseTo(full.boundingBox!.max.x, 2);
    expect(low.boundingBox!.min.x).toBeCloseTo(full.boundingBox!.min.x, 2);
    expect(low.boundingBox!.max.y).toBeGreaterThan(full.boundingBox!.max.y * 0.97);
  });

  it('shades each shared corner once (indexed): fewer vertices than triangle corners', () => {
    const g = fleetEngineGeometry(false);
    expect(g.index).not.toBeNull();
    expect(g.getAttribute('position').count).toBeLessThan(g.index!.count);
  });
});
