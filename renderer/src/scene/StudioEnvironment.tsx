import * as THREE from 'three';
import { Environment, Lightformer } from '@react-three/drei';

/**
 * Studio-like lighting baked once into an environment map from light panels (nothing is fetched), plus a
 * soft sky/ground fill; `resolution` null: the fill only (lowest quality). Shared by the asset view and the opened engine; each adds its own key light.
 */
export function StudioEnvironment({ resolution }: { resolution: number | null }) {
  return (
    <>
      {resolution !== null && <StudioPanels resolution={resolution} />}
      <hemisphereLight args={['#f4f6f8', '#8b9095', 0.45]} />
    </>
  );
}

/** The baked environment map; keyed by size so that a new size bakes a new map. */
function StudioPanels({ resolution }: { resolution: number }) {
  return (
    <Environment key={resolution} frames={1} resolution={resolution} environmentIntensity={0.9}>
      <mesh scale={60}>
        <sphereGeometry args={[1, 32, 16]} />
        <meshBasicMaterial color="#6f757a" side={THREE.BackSide} />
      </mesh>
      <Lightformer
        form="rect"
        intensity={2.2}
        position={[0, 8, 0]}
        rotation-x={Math.PI / 2}
        scale={[14, 14, 1]}
      />
      <Lightformer
        form="rect"
        intensity={1.2}
        position={[-8, 3, 4]}
        rotation-y={Math.PI / 2}
        scale={[12, 4, 1]}
      />
      <Lightformer
        form="rect"
        intensity={0.9}
        position={[8, 3, -4]}
        rotation-y={-Math.PI / 2}
        scale={[12, 4, 1]}
      />
      <Lightformer form="rect" intensity={0.7} position={[0, 2, 10]} scale={[16, 3, 1]} />
    </Environment>
  );
}
