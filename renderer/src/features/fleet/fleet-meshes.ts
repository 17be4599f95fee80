import * as THREE from 'three';
import { writeInstanceColors } from '../../../../core/fleet/colors';
import { emptySplit, splitByDistance, type DetailSplit } from '../../../../core/fleet/level-of-detail';
import { fleetEngineGeometry } from './engine-geometry';
import { NO_VALUE_GREY, VIRIDIS_LUT } from './fleet-colors';

function engineMaterial(lowDetail: boolean): THREE.Material {
  // Low: a matte (Lambert) material with front faces only (the open intake and exhaust show no inner skin),
  // cheaper per filled pixel and half the triangles rasterised on a software renderer.
  return lowDetail
    ? new THREE.MeshLambertMaterial({ color: '#ffffff', side: THREE.FrontSide })
    : new THREE.MeshStandardMaterial({
        color: '#ffffff',
        metalness: 0.35,
        roughness: 0.5,
        side: THREE.DoubleSide,
      });
}

function instancedEngines(
  geometry: THREE.BufferGeometry,
  material: THREE.Material,
  capacity: number,
  name: string,
) {
  const mesh = new THREE.InstancedMesh(geometry, material, capacity);
  mesh.instanceColor = new THREE.InstancedBufferAttribute(new Float32Array(capacity * 3), 3);
  mesh.count = 0;
  mesh.name = name;
  return mesh;
}

/**
 * The fleet's engines as two instanced meshes, one draw call each: those near the camera with the full (or, at
 * low quality, the low) engine mesh, those it sees small with the coarse far mesh. The split is made again as
 * the camera moves; matrices and colours are written only when an engine changes side.
 */
export class FleetMeshes {
  readonly near: THREE.InstancedMesh;
  readonly far: THREE.InstancedMesh;
  private readonly split: DetailSplit;
  private readonly scratch: Float32Array;
  private readonly matrix = new THREE.Matrix4();
  private positions: ArrayLike<number> = [];
  private count = 0;
  private colorPositions: ArrayLike<number> = [];

  constructor(capacity: number, lowDetail: boolean) {
    const material = engineMaterial(lowDetail);
    this.near = instancedEngines(
      fleetEngineGeometry(lowDetail ? 'low' : 'full'),
      material,
      capacity,
      'fleet-engines',
    );
    this.far = instancedEngines(fleetEngineGeometry('far'), material, capacity, 'fleet-engines-far');
    this.split = emptySplit(capacity);
    this.scratch = new Float32Array(capacity);
  }

  /** Shows the first `count` engines at `positions` (xyz each), split for a camera at `eye`. */
  setLayout(
    positions: ArrayLike<number>,
    count: number,
    eye: readonly [number, number, number],
    farFrom: number,
  ) {
    this.positions = positions;
    this.count = count;
    splitByDistance(positions, count, eye, farFrom, this.split);
    this.write();
  }

  /** Splits again for a camera at `eye`; rewrites the meshes only where an engine changed side. */
  update(eye: readonly [number, number, number], farFrom: number): void {
    if (splitByDistance(this.positions, this.count, eye, farFrom, this.split)) this.write();
  }

  /** Colours every engine by its colormap position (display order; NaN: no value, grey). */
  paint(colorPositions: ArrayLike<number>): void {
    this.colorPositions = colorPositions;
    this.writeColors();
  }

  /** Display index of the engine drawn as `instanceId` of `object`, or -1. */
  engineIndex(object: THREE.Object3D, instanceId: number | undefined): number {
    if (instanceId === undefined) return -1;
    const { near, far, nearCount, farCount } = this.split;
    if (object === this.near && instanceId < nearCount) return near[instanceId]!;
    if (object === this.far && instanceId < farCount) return far[instanceId]!;
    return -1;
  }

  dispose(): void {
    this.near.geometry.dispose();
    this.far.geometry.dispose();
    (this.near.material as THREE.Material).dispose();
    this.near.dispose();
    this.far.dispose();
  }

  /** Each mesh's matrices and colours from the split. */
  private write(): void {
    const p = this.positions;
    const place = (mesh: THREE.InstancedMesh, order: Int32Array, n: number) => {
      for (let k = 0; k < n; k++) {
        const i = order[k]!;
        mesh.setMatrixAt(k, this.matrix.makeTranslation(p[i * 3]!, p[i * 3 + 1]!, p[i * 3 + 2]!));
      }
      mesh.count = n;
      mesh.instanceMatrix.needsUpdate = true;
      mesh.computeBoundingSphere();
    };
    place(this.near, this.split.near, this.split.nearCount);
    place(this.far, this.split.far, this.split.farCount);
    this.writeColors();
  }

  private writeColors(): void {
    const paintOne = (mesh: THREE.InstancedMesh, order: Int32Array, n: number) => {
      const attr = mesh.instanceColor;
      if (!attr) return;
      const gathered = this.scratch.subarray(0, n);
      for (let k = 0; k < n; k++) gathered[k] = this.colorPositions[order[k]!] ?? Number.NaN;
      writeInstanceColors(gathered, VIRIDIS_LUT, NO_VALUE_GREY, attr.array as Float32Array);
      attr.needsUpdate = true;
    };
    paintOne(this.near, this.split.near, this.split.nearCount);
    paintOne(this.far, this.split.far, this.split.farCount);
  }
}
