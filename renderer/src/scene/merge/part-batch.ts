import * as THREE from 'three';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';
import {
  EMISSIVE_ATTRIBUTE,
  makeMergedMaterial,
  MATTE_METAL_DARKENING,
  SURFACE_ATTRIBUTE,
} from './merged-material';

/** One source mesh inside a merged mesh: its vertex range and what was last written there. */
interface Source {
  mesh: THREE.Mesh;
  material: THREE.MeshStandardMaterial;
  /** First vertex and vertex count in the merged geometry (non-indexed: three vertices a face). */
  start: number;
  count: number;
  /** The source's own vertex colours (and matte metal shade), multiplied by its material colour; null: white. */
  ownColors: Float32Array | null;
  color: THREE.Color;
  emissive: THREE.Color;
  written: boolean;
}

/** Which merged mesh a picked object is, so a hit face can name its part. */
const batchOf = new WeakMap<THREE.Object3D, PartBatch>();

/** Whether `object` is a merged mesh (never itself a source of another). */
export const isMergedMesh = (object: THREE.Object3D): boolean => batchOf.has(object);

/** The asset component under a raycast hit: the hit mesh's own, or, on a merged mesh, the hit face's part. */
export function componentIdAt(object: THREE.Object3D, faceIndex: number | null | undefined): string | null {
  const batch = batchOf.get(object);
  const mesh = batch ? batch.sourceAt(faceIndex ?? -1) : object;
  return (mesh?.userData.componentId as string | undefined) ?? null;
}

/** Three floats a vertex, whatever the source stores (interleaved, quantized glTF): all merge alike. */
function asFloat3(
  attribute: THREE.BufferAttribute | THREE.InterleavedBufferAttribute,
): THREE.BufferAttribute {
  const out = new Float32Array(attribute.count * 3);
  for (let i = 0; i < attribute.count; i++) {
    out[i * 3] = attribute.getX(i);
    out[i * 3 + 1] = attribute.getY(i);
    out[i * 3 + 2] = attribute.getZ(i);
  }
  return new THREE.BufferAttribute(out, 3);
}

/** A source's geometry in the merged mesh's space, with the per-vertex attributes of the merged material. */
function prepare(
  mesh: THREE.Mesh,
  toBatch: THREE.Matrix4,
  matte: boolean,
): { geometry: THREE.BufferGeometry; own: Float32Array | null } {
  const source = mesh.geometry.index ? mesh.geometry.toNonIndexed() : mesh.geometry;
  const material = mesh.material as THREE.MeshStandardMaterial;
  const geometry = new THREE.BufferGeometry();
  geometry.setAttribute('position', asFloat3(source.getAttribute('position')));
  const normal = source.getAttribute('normal');
  if (normal) geometry.setAttribute('normal', asFloat3(normal));
  else geometry.computeVertexNormals();
  geometry.applyMatrix4(toBatch);
  const n = geometry.getAttribute('position').count;
  const sourceColors = material.vertexColors ? source.getAttribute('color') : undefined;
  const shade = matte ? 1 - MATTE_METAL_DARKENING * material.metalness : 1;
  let own: Float32Array | null = null;
  if (sourceColors || shade !== 1) {
    own = new Float32Array(n * 3).fill(shade);
    for (let i = 0; sourceColors && i < n; i++) {
      own[i * 3] = sourceColors.getX(i) * shade;
      own[i * 3 + 1] = sourceColors.getY(i) * shade;
      own[i * 3 + 2] = sourceColors.getZ(i) * shade;
    }
  }
  const surface = new Float32Array(n * 2);
  for (let i = 0; i < n; i++) {
    surface[i * 2] = material.metalness;
    surface[i * 2 + 1] = material.roughness;
  }
  geometry.setAttribute('color', new THREE.BufferAttribute(new Float32Array(n * 3), 3));
  geometry.setAttribute(EMISSIVE_ATTRIBUTE, new THREE.BufferAttribute(new Float32Array(n * 3), 3));
  geometry.setAttribute(SURFACE_ATTRIBUTE, new THREE.BufferAttribute(surface, 2));
  if (source !== mesh.geometry) source.dispose();
  return { geometry, own };
}

/**
 * Static opaque meshes of one kind (same side, same x-ray behaviour) merged into one mesh, drawn in one call.
 * Each source keeps its own material as the part's state (the painters, highlights and x-ray write there);
 * `sync` copies a source's colour and glow into its vertex range when they changed, and uploads only that.
 * `sourceAt` maps a hit face back to its source mesh (a face-range table), so picking still names the part.
 */
export class PartBatch {
  readonly mesh: THREE.Mesh;
  private readonly sources: Source[] = [];
  private readonly colors: THREE.BufferAttribute;
  private readonly emissives: THREE.BufferAttribute;
  private readonly material: THREE.MeshStandardMaterial | THREE.MeshLambertMaterial;

  /**
   * `meshes` in their current world placement, baked into the space of `space` (where the mesh is added);
   * `matte`: the cheaper Lambert material (see makeMergedMaterial).
   */
  constructor(meshes: readonly THREE.Mesh[], space: THREE.Object3D, matte = false) {
    if (meshes.length === 0) throw new Error('PartBatch: nothing to merge');
    const toBatch = new THREE.Matrix4();
    const fromWorld = space.matrixWorld.clone().invert();
    const geometries: THREE.BufferGeometry[] = [];
    let start = 0;
    for (const mesh of meshes) {
      const { geometry, own } = prepare(mesh, toBatch.multiplyMatrices(fromWorld, mesh.matrixWorld), matte);
      const count = geometry.getAttribute('position').count;
      this.sources.push({
        mesh,
        material: mesh.material as THREE.MeshStandardMaterial,
        start,
        count,
        ownColors: own,
        color: new THREE.Color(),
        emissive: new THREE.Color(),
        written: false,
      });
      geometries.push(geometry);
      start += count;
    }
    const merged = mergeGeometries(geometries, false);
    for (const g of geometries) g.dispose();
    if (!merged) throw new Error('PartBatch: the meshes could not be merged');
    merged.computeBoundingBox();
    merged.computeBoundingSphere();
    this.colors = merged.getAttribute('color') as THREE.BufferAttribute;
    this.emissives = merged.getAttribute(EMISSIVE_ATTRIBUTE) as THREE.BufferAttribute;
    const first = meshes[0]!;
    this.material = makeMergedMaterial((first.material as THREE.Material).side, matte);
    this.mesh = new THREE.Mesh(merged, this.material);
    this.mesh.name = 'merged-parts';
    this.mesh.castShadow = first.castShadow;
    this.mesh.receiveShadow = first.receiveShadow;
    batchOf.set(this.mesh, this);
    this.sync();
  }

  /**
   * Writes every source whose material colour or glow changed since the last call into its vertex range, and
   * follows the sources' x-ray state (opacity, shadows). Returns whether anything was written.
   */
  sync(): boolean {
    let changed = false;
    for (const s of this.sources) {
      if (!s.written || !s.color.equals(s.material.color)) {
        s.color.copy(s.material.color);
        this.writeColor(s);
        changed = true;
      }
      const glow = s.material.emissive;
      const intensity = s.material.emissiveIntensity;
      if (
        !s.written ||
        s.emissive.r !== glow.r * intensity ||
        s.emissive.g !== glow.g * intensity ||
        s.emissive.b !== glow.b * intensity
      ) {
        s.emissive.copy(glow).multiplyScalar(intensity);
        this.writeRange(this.emissives, s, s.emissive);
        changed = true;
      }
      s.written = true;
    }
    this.followSeeThrough();
    return changed;
  }

  /** The source mesh a face of the merged mesh came from, or null. */
  sourceAt(faceIndex: number): THREE.Mesh | null {
    const vertex = faceIndex * 3;
    let lo = 0;
    let hi = this.sources.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = this.sources[mid]!;
      if (vertex < s.start) hi = mid - 1;
      else if (vertex >= s.start + s.count) lo = mid + 1;
      else return s.mesh;
    }
    return null;
  }

  /** The vertex range a source mesh occupies, or null when it is not in this batch. */
  rangeOf(mesh: THREE.Mesh): { start: number; count: number } | null {
    const s = this.sources.find((x) => x.mesh === mesh);
    return s ? { start: s.start, count: s.count } : null;
  }

  /** The colour drawn for `material`'s mesh (its first vertex over its own vertex colour) into `out`; false: not here. */
  drawnColor(material: THREE.Material, out: THREE.Color): boolean {
    const s = this.sources.find((x) => x.material === material);
    if (!s) return false;
    const own = s.ownColors;
    const a = this.colors.array;
    const k = s.start * 3;
    out.setRGB(a[k]! / (own ? own[0]! : 1), a[k + 1]! / (own ? own[1]! : 1), a[k + 2]! / (own ? own[2]! : 1));
    return true;
  }

  /** The glow drawn for `material`'s mesh into `out`; false: not here. */
  drawnEmissive(material: THREE.Material, out: THREE.Color): boolean {
    const s = this.sources.find((x) => x.material === material);
    if (!s) return false;
    out.fromArray(this.emissives.array, s.start * 3);
    return true;
  }

  get sourceMeshes(): THREE.Mesh[] {
    return this.sources.map((s) => s.mesh);
  }

  dispose(): void {
    this.mesh.removeFromParent();
    this.mesh.geometry.dispose();
    this.material.dispose();
  }

  private writeColor(s: Source): void {
    const a = this.colors.array;
    const { r, g, b } = s.color;
    const own = s.ownColors;
    for (let i = 0, k = s.start * 3; i < s.count; i++, k += 3) {
      a[k] = own ? r * own[i * 3]! : r;
      a[k + 1] = own ? g * own[i * 3 + 1]! : g;
      a[k + 2] = own ? b * own[i * 3 + 2]! : b;
    }
    this.colors.addUpdateRange(s.start * 3, s.count * 3);
    this.colors.needsUpdate = true;
  }

  private writeRange(attribute: THREE.BufferAttribute, s: Source, c: THREE.Color): void {
    const a = attribute.array;
    for (let i = 0, k = s.start * 3; i < s.count; i++, k += 3) {
      a[k] = c.r;
      a[k + 1] = c.g;
      a[k + 2] = c.b;
    }
    attribute.addUpdateRange(s.start * 3, s.count * 3);
    attribute.needsUpdate = true;
  }

  /** X-ray turns every source of a batch see-through together (they share the x-ray flag): follow the first. */
  private followSeeThrough(): void {
    const first = this.sources[0]!;
    const source = first.material;
    const m = this.material;
    m.opacity = source.opacity;
    this.mesh.castShadow = first.mesh.castShadow;
    if (m.transparent === source.transparent) return;
    m.transparent = source.transparent;
    m.depthWrite = !source.transparent;
    m.needsUpdate = true;
  }
}
