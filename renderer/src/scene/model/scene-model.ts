import type * as THREE from 'three';

/** Where the camera stands and what it looks at in a model's home view, world metres. */
export interface CameraHome {
  position: [number, number, number];
  target: [number, number, number];
}

/**
 * Where each component's label floats (world metres, by asset component id) and which live values it
 * shows, for a model seen from its home view. Components not listed float just above their bounding
 * box and show their first two tags.
 */
export interface LabelLayout {
  anchors: Readonly<Record<string, readonly [number, number, number]>>;
  tags: Readonly<Record<string, readonly string[]>>;
}

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
  /** Home view framing the model; absent: the default one, which frames the pump skid. */
  home?: CameraHome;
  /** Label places for the components of the asset this model was built for; absent: the pump skid's. */
  labels?: LabelLayout;
  dispose(): void;
}
