import * as THREE from 'three';

/**
 * Material palette of the procedural skid. Muted, desaturated greys (ISA-101): color on the model is
 * reserved for the data colormap, never for the equipment's own paint.
 */
export type MatKey =
  | 'paint-motor'
  | 'paint-pump'
  | 'paint-frame'
  | 'paint-tank'
  | 'paint-pipe'
  | 'paint-cabinet'
  | 'paint-valve'
  | 'paint-enamel-blue'
  | 'steel'
  | 'dark-steel'
  | 'rubber'
  | 'concrete'
  | 'dial'
  | 'glass'
  | 'liquid'
  | 'signal-red'
  | 'signal-yellow';

interface Spec {
  color: string;
  metalness: number;
  roughness: number;
  transparent?: boolean;
  opacity?: number;
}

const SPECS: Record<MatKey, Spec> = {
  'paint-motor': { color: '#59626b', metalness: 0.25, roughness: 0.55 },
  'paint-pump': { color: '#7d858c', metalness: 0.3, roughness: 0.5 },
  'paint-frame': { color: '#646a70', metalness: 0.3, roughness: 0.6 },
  'paint-tank': { color: '#a3a8ad', metalness: 0.2, roughness: 0.55 },
  'paint-pipe': { color: '#8e959b', metalness: 0.3, roughness: 0.5 },
  'paint-cabinet': { color: '#b9bcbd', metalness: 0.1, roughness: 0.6 },
  'paint-valve': { color: '#747c84', metalness: 0.3, roughness: 0.5 },
  // Factory blue of small pumps, motors and solenoid coils, greyed so it never reads as a data color.
  'paint-enamel-blue': { color: '#55667a', metalness: 0.3, roughness: 0.45 },
  steel: { color: '#b4b8bc', metalness: 0.9, roughness: 0.32 },
  'dark-steel': { color: '#4a4e52', metalness: 0.8, roughness: 0.45 },
  rubber: { color: '#26292c', metalness: 0, roughness: 0.85 },
  concrete: { color: '#a9a7a1', metalness: 0, roughness: 0.95 },
  dial: { color: '#e4e5e3', metalness: 0, roughness: 0.4 },
  glass: { color: '#c9d3da', metalness: 0, roughness: 0.05, transparent: true, opacity: 0.35 },
  liquid: { color: '#6f8796', metalness: 0, roughness: 0.3, transparent: true, opacity: 0.55 },
  // Emergency-stop red and yellow (IEC 60204-1): safety markings that data never recolors, kept small.
  'signal-red': { color: '#9c2f27', metalness: 0.1, roughness: 0.35 },
  'signal-yellow': { color: '#c2a641', metalness: 0.05, roughness: 0.5 },
};

export const isPaint = (key: MatKey): boolean => key.startsWith('paint-');

/** A fresh material for one bucket; each node gets its own instance so it can be recolored alone. */
export function makeMaterial(key: MatKey): THREE.MeshStandardMaterial {
  const s = SPECS[key];
  const m = new THREE.MeshStandardMaterial({
    color: s.color,
    metalness: s.metalness,
    roughness: s.roughness,
    transparent: s.transparent ?? false,
    opacity: s.opacity ?? 1,
    depthWrite: !(s.transparent ?? false),
  });
  m.name = key;
  // Remember the paint color and opacity so coloring and x-ray can always return to them.
  m.userData.baseColor = m.color.clone();
  m.userData.baseOpacity = m.opacity;
  m.userData.baseTransparent = m.transparent;
  return m;
}

/**
 * Steel and dark steel differ little but in colour: a node's parts in either share one draw call (a software
 * renderer pays per call), their colour per vertex and metalness and roughness between the two.
 */
export const isTrim = (key: MatKey): boolean => key === 'steel' || key === 'dark-steel';

/** The colour a trim part carries per vertex (linear, like material colours). */
export const trimColor = (key: MatKey): THREE.Color => new THREE.Color(SPECS[key].color);

/** The material of a node's merged steel and dark-steel parts. */
export function makeTrimMaterial(): THREE.MeshStandardMaterial {
  const m = new THREE.MeshStandardMaterial({
    color: '#ffffff',
    vertexColors: true,
    metalness: 0.85,
    roughness: 0.38,
  });
  m.name = 'trim';
  m.userData.baseColor = m.color.clone();
  m.userData.baseOpacity = m.opacity;
  m.userData.baseTransparent = m.transparent;
  return m;
}

/** Punched-sheet look for the coupling guard: an alpha texture of round holes. */
export function perforationTexture(): THREE.DataTexture {
  const size = 64;
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const cx = (x % 16) - 7.5;
      const cy = (y % 16) - 7.5;
      const hole = cx * cx + cy * cy < 22;
      const i = (y * size + x) * 4;
      const v = hole ? 0 : 255;
      data[i] = v;
      data[i + 1] = v;
      data[i + 2] = v;
      data[i + 3] = 255;
    }
  }
  const tex = new THREE.DataTexture(data, size, size, THREE.RGBAFormat);
  tex.wrapS = THREE.RepeatWrapping;
  tex.wrapT = THREE.RepeatWrapping;
  tex.repeat.set(10, 4);
  tex.magFilter = THREE.LinearFilter;
  tex.needsUpdate = true;
  return tex;
}
