/** What the engine view does to the shared turbofan model: colors, x-ray, and picking through x-ray. */
import * as THREE from 'three';
import type { SceneComponent } from '../../../scene/bind-components';
import { viridisInto } from '../../../scene/paint/colormap';

const XRAY_OPACITY = 0.22;

/** Paints each component from its colormap position; NaN returns it to its own muted paint. */
export function paintComponents(
  comps: readonly SceneComponent[],
  positions: ReadonlyMap<string, number>,
): void {
  const tint = new THREE.Color();
  for (const c of comps) {
    const t = positions.get(c.id) ?? Number.NaN;
    c.score = t;
    if (!Number.isNaN(t)) viridisInto(t, tint);
    for (const m of c.paint) m.color.copy(Number.isNaN(t) ? (m.userData.baseColor as THREE.Color) : tint);
  }
}

/**
 * Component under the pointer: in x-ray the see-through casings let the pointer reach the parts inside
 * (a casing is picked only where nothing solid lies behind it).
 */
export function pickComponent(hits: readonly THREE.Intersection[], xray: boolean): string | null {
  const id = (h: THREE.Intersection | undefined) =>
    (h?.object.userData.componentId as string | undefined) ?? null;
  if (!xray) return id(hits[0]);
  return id(hits.find((h) => !h.object.userData.xray && id(h) !== null)) ?? id(hits[0]);
}

export function applyXray(root: THREE.Object3D, xray: boolean): void {
  root.traverse((o) => {
    if (!(o instanceof THREE.Mesh) || !o.userData.xray) return;
    const m = o.material as THREE.MeshStandardMaterial;
    m.transparent = xray || (m.userData.baseTransparent as boolean);
    m.opacity = xray ? XRAY_OPACITY : (m.userData.baseOpacity as number);
    m.depthWrite = !m.transparent;
    m.needsUpdate = true;
  });
}
