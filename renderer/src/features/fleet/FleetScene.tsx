import * as THREE from 'three';
import { useEffect, useMemo, useRef, type RefObject } from 'react';
import { Canvas, useThree } from '@react-three/fiber';
import { Grid, OrbitControls } from '@react-three/drei';
import { hangarLayout, type HangarLayout } from '../../../../core/fleet/layout';
import type { FleetEngine } from '../../../../core/fleet/sort-filter';
import { FleetCamera, homeView } from './FleetCamera';
import { FleetInstances } from './FleetInstances';
import type { FleetMeshes } from './fleet-meshes';
import { closeEngine } from './open-engine';
import { useFleetHooks } from './fleet-hooks';
import { fleetStore, useFleet, type FleetColorBy } from './fleet-store';
import { CLICK_SLOP_PX } from '../../scene/pointer';
import { DemandFrames } from '../../scene/DemandFrames';
import { useQualitySettings } from '../../scene/quality/use-quality';
import { drawingPixelRatio } from '../../scene/quality/quality-steps';
import { browserRendersInSoftware } from '../../scene/quality/software-renderer';

/** Render on demand: a frame whenever the fleet's state (colors, selection, hover, sort, filter) changes. */
function FleetFrameRequests() {
  const invalidate = useThree((s) => s.invalidate);
  useEffect(() => fleetStore.subscribe(() => invalidate()), [invalidate]);
  return null;
}

const BACKGROUND = '#b3b8bd';

function Hooks(props: {
  engines: FleetEngine[];
  layout: HangarLayout;
  meshRef: RefObject<FleetMeshes | null>;
}) {
  useFleetHooks(props.engines, props.layout, props.meshRef);
  return null;
}

/** Ring on the floor around the selected engine (accent color: selection, never a state). */
function SelectionRing({ layout, index }: { layout: HangarLayout; index: number }) {
  if (index < 0) return null;
  return (
    <mesh
      position={[layout.positions[index * 3]!, 0.02, layout.positions[index * 3 + 2]!]}
      rotation-x={-Math.PI / 2}
      raycast={() => undefined}
    >
      <ringGeometry args={[1.75, 1.95, 48]} />
      <meshBasicMaterial color="#3d5a80" />
    </mesh>
  );
}

interface Props {
  engines: FleetEngine[];
  capacity: number;
  colorBy: FleetColorBy;
  rulCap: number;
}

/** The hangar: every displayed engine on a floor grid in display order, reading left to right, back to front. */
export function FleetScene({ engines, capacity, colorBy, rulCap }: Props) {
  const layout = useMemo(() => hangarLayout(engines.length), [engines.length]);
  const selected = useFleet((s) => s.selectedUnit);
  const flyToken = useFleet((s) => s.flyToken);
  const index = selected === null ? -1 : engines.findIndex((e) => e.unit === selected);
  const tooltipRef = useRef<HTMLDivElement>(null);
  const meshRef = useRef<FleetMeshes | null>(null);
  const down = useRef({ x: 0, y: 0 });
  const home = useMemo(() => homeView(layout), [layout]);
  const quality = useQualitySettings();
  // Whole 4 m sections that cover the hangar and its margin (GridHelper draws a square).
  const gridSize = Math.ceil((Math.max(layout.width, layout.depth) + 20) / 4) * 4;

  return (
    <div
      className="twin-scene"
      data-testid="fleet-canvas"
      onPointerDown={(e) => {
        down.current.x = e.clientX;
        down.current.y = e.clientY;
      }}
    >
      <Canvas
        frameloop="demand"
        dpr={drawingPixelRatio(quality, window.devicePixelRatio)}
        // Multisampling about doubles what each filled pixel costs a software renderer (SwiftShader, measured).
        gl={{ antialias: !browserRendersInSoftware(), toneMapping: THREE.ACESFilmicToneMapping }}
        camera={{ position: home.position.toArray(), fov: 38, near: 0.1, far: 800 }}
        onPointerMissed={(e) => {
          if (Math.hypot(e.clientX - down.current.x, e.clientY - down.current.y) <= CLICK_SLOP_PX)
            closeEngine();
        }}
      >
        <color attach="background" args={[BACKGROUND]} />
        <fog attach="fog" args={[BACKGROUND, layout.width * 1.2 + 40, layout.width * 2.5 + 120]} />
        <hemisphereLight args={['#f4f6f8', '#7d8287', 1.4]} />
        <directionalLight position={[-20, 40, 25]} intensity={1.8} />
        <directionalLight position={[30, 20, -20]} intensity={0.5} />
        {/* Low quality: no filled floor, its grid lines over a background of the floor's tone. */}
        {!quality.plainScene && (
          <mesh rotation-x={-Math.PI / 2} raycast={() => undefined}>
            <planeGeometry args={[layout.width + 24, layout.depth + 24]} />
            <meshStandardMaterial color="#aab0b5" roughness={0.95} />
          </mesh>
        )}
        {quality.plainScene ? (
          // Low quality: the grid as lines, a fraction of the shaded grid's cost on a software renderer.
          <gridHelper
            args={[gridSize, gridSize / 4, '#a1a7ad', '#a1a7ad']}
            position={[0, 0.005, 0]}
            raycast={() => undefined}
          />
        ) : (
          <Grid
            position={[0, 0.005, 0]}
            args={[layout.width + 20, layout.depth + 20]}
            cellSize={1}
            cellThickness={0.5}
            cellColor="#a1a7ad"
            sectionSize={4}
            sectionThickness={0.9}
            sectionColor="#8d949a"
            fadeDistance={layout.width * 2 + 60}
            raycast={() => undefined}
          />
        )}
        <FleetInstances
          capacity={capacity}
          engines={engines}
          layout={layout}
          colorBy={colorBy}
          rulCap={rulCap}
          lowDetail={quality.plainScene}
          tooltipRef={tooltipRef}
          meshRef={meshRef}
        />
        <SelectionRing layout={layout} index={index} />
        <FleetCamera layout={layout} focus={index} flyToken={flyToken} />
        <DemandFrames requestOnChange={false} />
        <FleetFrameRequests />
        <Hooks engines={engines} layout={layout} meshRef={meshRef} />
        <OrbitControls
          makeDefault
          enableDamping
          dampingFactor={0.09}
          maxPolarAngle={Math.PI * 0.48}
          maxDistance={400}
        />
      </Canvas>
      <div ref={tooltipRef} className="twin-tooltip" role="tooltip" data-testid="fleet-tooltip" />
    </div>
  );
}
