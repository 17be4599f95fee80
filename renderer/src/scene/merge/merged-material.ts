import * as THREE from 'three';

/** Per-vertex emissive glow (linear RGB) of a merged mesh: a part's selection, hover or "why" highlight. */
export const EMISSIVE_ATTRIBUTE = 'partEmissive';
/** Per-vertex metalness and roughness of a merged mesh: each part keeps its own surface. */
export const SURFACE_ATTRIBUTE = 'partSurface';

const VERTEX_DECLARATIONS = /* glsl */ `
attribute vec3 ${EMISSIVE_ATTRIBUTE};
attribute vec2 ${SURFACE_ATTRIBUTE};
varying vec3 vPartEmissive;
varying vec2 vPartSurface;`;

const FRAGMENT_DECLARATIONS = /* glsl */ `
varying vec3 vPartEmissive;
varying vec2 vPartSurface;`;

function withPartAttributes(shader: THREE.WebGLProgramParametersWithUniforms): void {
  shader.vertexShader = shader.vertexShader
    .replace('#include <common>', `#include <common>${VERTEX_DECLARATIONS}`)
    .replace(
      '#include <color_vertex>',
      `#include <color_vertex>
  vPartEmissive = ${EMISSIVE_ATTRIBUTE};
  vPartSurface = ${SURFACE_ATTRIBUTE};`,
    );
  shader.fragmentShader = shader.fragmentShader
    .replace('#include <common>', `#include <common>${FRAGMENT_DECLARATIONS}`)
    .replace('#include <metalnessmap_fragment>', 'float metalnessFactor = vPartSurface.x;')
    .replace('#include <roughnessmap_fragment>', 'float roughnessFactor = vPartSurface.y;')
    .replace(
      '#include <emissivemap_fragment>',
      '#include <emissivemap_fragment>\n  totalEmissiveRadiance += vPartEmissive;',
    );
}

/**
 * Metalness darkens a part's colour in a matte merged mesh by this much at most: a metal's diffuse light is its
 * colour × (1 − metalness), and lit by lights only (no environment) steel reads dark but for its highlights.
 */
export const MATTE_METAL_DARKENING = 0.75;

/**
 * The one material of a merged mesh: a standard material whose colour, emissive glow, metalness and roughness
 * come per vertex, so parts of different materials, each in its own data colour, draw in one call. `matte`
 * (lowest quality): a Lambert material instead, whose diffuse-only lighting costs a software renderer much less
 * per pixel; the metals' darkening is then baked into their colour (see MATTE_METAL_DARKENING).
 */
export function makeMergedMaterial(
  side: THREE.Side,
  matte: boolean,
): THREE.MeshStandardMaterial | THREE.MeshLambertMaterial {
  const m = matte
    ? new THREE.MeshLambertMaterial({ color: '#ffffff', vertexColors: true, side })
    : new THREE.MeshStandardMaterial({ color: '#ffffff', vertexColors: true, side });
  m.name = 'merged-parts';
  m.onBeforeCompile = withPartAttributes;
  m.customProgramCacheKey = () => (matte ? 'merged-parts-matte' : 'merged-parts');
  m.userData.baseOpacity = m.opacity;
  m.userData.baseTransparent = m.transparent;
  return m;
}
