import type * as THREE from 'three';

/** An asset's 3D model as the scene shows it, whether built in code or loaded from a GLB. */
export interface SceneModel {
  /** Everything, ready for <primitive>. */
  root: THREE.Group;
  /** The static parts; meshes carry their asset node in userData (the components bind to it). */
  parts: THREE.Group;
  /** The shaft line, spun about local X by the asset's rotor speed (see animation.ts); null: nothing spins. */
  rotor: THREE.Object3D | null;
  /** The liquid column, scaled in Y to the asset's liquid level in metres; null: no liquid is shown. */
  liquid: THREE.Mesh | null;
  dispose(): void;
}
