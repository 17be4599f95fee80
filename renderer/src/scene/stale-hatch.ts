/**
 * Grey hatching over the parts whose live data is stale or never came, so an old colour is never read as the
 * plant's state. One shared material draws screen-space diagonal stripes (no texture, no UVs, the same stripe
 * width on every part); each part mesh gets an overlay that shares its geometry and is only shown or hidden.
 */
import * as THREE from 'three';
import { displayedFreshness, isStaleLike } from '../state/tag-freshness';
import type { SceneComponent } from './bind-components';

declare global {
  interface TwinscapeHooks {
    /** Components drawn hatched because their live data is stale or never arrived. */
    staleParts?(): string[];
  }
}

/** Stripe period in CSS pixels; a dark and a light stripe per period so the hatch shows on any paint. */
const PERIOD_PX = 10;

const VERTEX = /* glsl */ `
void main() {
  gl_Position = projectionMatrix * modelViewMatrix * vec4(position, 1.0);
}`;

const FRAGMENT = /* glsl */ `
uniform vec3 dark;
uniform vec3 light;
uniform float period;
uniform float darkOpacity;
uniform float lightOpacity;
void main() {
  float d = mod(gl_FragCoord.x + gl_FragCoord.y, period);
  float w = period * 0.16;
  if (d < w) gl_FragColor = vec4(dark, darkOpacity);
  else if (d >= 0.5 * period && d < 0.5 * period + w) gl_FragColor = vec4(light, lightOpacity);
  else discard;
}`;

function hatchMaterial(): THREE.ShaderMaterial {
  return new THREE.ShaderMaterial({
    uniforms: {
      dark: { value: new THREE.Color('#2f3338') },
      light: { value: new THREE.Color('#eceef0') },
      period: { value: PERIOD_PX },
      darkOpacity: { value: 0.6 },
      lightOpacity: { value: 0.45 },
    },
    vertexShader: VERTEX,
    fragmentShader: FRAGMENT,
    transparent: true,
    depthWrite: false,
    // Drawn on the part's own surface: pulled towards the camera so it wins the depth test against it.
    polygonOffset: true,
    polygonOffsetFactor: -1,
    polygonOffsetUnits: -4,
  });
}

interface HatchedPart {
  comp: SceneComponent;
  overlays: THREE.Mesh[];
  stale: boolean;
}

export class StaleHatch {
  private readonly material = hatchMaterial();
  private readonly parts: HatchedPart[];

  constructor(comps: readonly SceneComponent[]) {
    this.parts = comps.map((comp) => ({
      comp,
      stale: false,
      overlays: comp.meshes
        .filter((m) => !(m instanceof THREE.InstancedMesh) && !(m instanceof THREE.SkinnedMesh))
        .map((mesh) => {
          const overlay = new THREE.Mesh(mesh.geometry, this.material);
          overlay.visible = false;
          overlay.raycast = () => undefined;
          overlay.renderOrder = 2;
          overlay.userData.staleHatch = comp.id;
          mesh.add(overlay);
          return overlay;
        }),
    }));
  }

  /** Shows the hatch on parts with a stale (or never received) tag; cheap and allocation-free per frame. */
  refresh(pixelRatio: number): void {
    this.material.uniforms.period!.value = PERIOD_PX * pixelRatio;
    for (const part of this.parts) {
      const { tagIndices, tags } = part.comp;
      let stale = false;
      for (let i = 0; i < tagIndices.length && !stale; i++)
        stale = isStaleLike(displayedFreshness(tagIndices[i]!, tags[i]!.id));
      if (stale === part.stale) continue;
      part.stale = stale;
      for (const overlay of part.overlays) overlay.visible = stale;
    }
  }

  staleIds(): string[] {
    return this.parts.filter((p) => p.stale).map((p) => p.comp.id);
  }

  dispose(): void {
    for (const part of this.parts) for (const overlay of part.overlays) overlay.removeFromParent();
    this.material.dispose();
  }
}
