/** The fleet's one engine shape: coarser at low quality and far away, the same size, so 1,000 engines draw faster. */
import { describe, expect, it } from 'vitest';
import { fleetEngineGeometry, type EngineDetail } from '../../renderer/src/features/fleet/engine-geometry';

const triangles = (detail: EngineDetail) => {
  const g = fleetEngineGeometry(detail);
  return (g.index?.count ?? g.getAttribute('position').count) / 3;
};

describe('fleet engine geometry', () => {
  it('has under half the triangles at low detail, fewer again far away, and the same bounds at every level', () => {
    expect(triangles('low')).toBeLessThan(triangles('full') / 2);
    expect(triangles('far')).toBeLessThan(triangles('low') * 0.6);
    const full = fleetEngineGeometry('full');
    full.computeBoundingBox();
    for (const detail of ['low', 'far'] as const) {
      const g = fleetEngineGeometry(detail);
      g.computeBoundingBox();
      expect(g.boundingBox!.max.x).toBeCloseTo(full.boundingBox!.max.x, 2);
      expect(g.boundingBox!.min.x).toBeCloseTo(full.boundingBox!.min.x, 2);
      expect(g.boundingBox!.max.y).toBeGreaterThan(full.boundingBox!.max.y * 0.97);
    }
  });

  it('shades each shared corner once (indexed): fewer vertices than triangle corners', () => {
    const g = fleetEngineGeometry('full');
    expect(g.index).not.toBeNull();
    expect(g.getAttribute('position').count).toBeLessThan(g.index!.count);
  });
});
