import * as THREE from 'three';
import { useMemo, useRef, type ReactNode } from 'react';
import { Canvas } from '@react-three/fiber';
import { OrbitControls } from '@react-three/drei';
import { useStore } from 'zustand';
import { compareStore } from '../state/compare-store';
import { selectComponent } from '../state/view-store';
import { useSession, useView } from '../state/use-store';
import type { AssetDefinition } from '../../../core/asset/schema';
import { AlarmBadges } from './AlarmBadges';
import { AssetView } from './AssetView';
import { bindComponents, type SceneComponent } from './bind-components';
import { DemandFrames } from './DemandFrames';
import { Floor } from './Floor';
import { CameraRig, DEFAULT_HOME } from './CameraRig';
import { ComponentLabels } from './ComponentLabels';
import { labelLayoutFor } from './label-layout';
import type { MergedParts } from './merge/merged-parts';
import { useMergedParts } from './merge/use-merged-parts';
import type { SceneModel } from './model/scene-model';
import { useSceneModel } from './model/use-scene-model';
import { CLICK_SLOP_PX } from './pointer';
import type { SceneFeed } from './scene-feed';
import { AdaptiveQuality } from './quality/AdaptiveQuality';
import { drawingPixelRatio, type QualitySettings } from './quality/quality-steps';
import { browserRendersInSoftware } from './quality/software-renderer';
import { useQualitySettings } from './quality/use-quality';
import { StudioEnvironment } from './StudioEnvironment';
import { useTestHooks } from './test-hooks';
import './scene.css';

const BACKGROUND = '#b3b8bd';

/** Studio-like lighting baked once into an environment map from light panels (nothing is fetched), at `quality`. */
function Lighting({ quality }: { quality: QualitySettings }) {
  return (
    <>
      <StudioEnvironment resolution={quality.environmentResolution} />
      <directionalLight
        // A new light when the map size changes: three.js allocates a shadow map once per light.
        key={quality.shadowMapSize}
        castShadow={quality.shadows}
        position={[5, 11, 7]}
        intensity={1.7}
        shadow-mapSize={[quality.shadowMapSize, quality.shadowMapSize]}
        shadow-camera-left={-7}
        shadow-camera-right={7}
        shadow-camera-top={7}
        shadow-camera-bottom={-7}
        shadow-camera-near={1}
        shadow-camera-far={30}
        shadow-bias={-0.0003}
        shadow-normalBias={0.02}
        shadow-radius={4}
      />
    </>
  );
}

function TestHooks({
  comps,
  model,
  merged,
}: {
  comps: SceneComponent[];
  model: SceneModel;
  merged: MergedParts | null;
}) {
  useTestHooks(comps, model.parts, merged);
  return null;
}

/** The bound model the split view draws twice. */
export interface BoundScene {
  model: SceneModel;
  comps: SceneComponent[];
  asset: AssetDefinition | null;
  /** The static parts as merged meshes (lower quality levels), or null: drawn one by one. */
  merged: MergedParts | null;
}

interface Props {
  active?: boolean;
  /** What the features give the scene (change coloring, tooltips). */
  feed: SceneFeed;
  /** While the view is split (state/compare-store): what draws it, inside the canvas. */
  splitView?: (scene: BoundScene) => ReactNode;
  /** While the view is split: what lies over it. */
  splitOverlay?: ReactNode;
}

/**
 * The live 3D twin: the asset's model (procedural or GLB) colored from telemetry, with picking, focus, labels, alarm
 * badges and x-ray. Fills its parent.
 */
export function TwinScene({ active = true, feed, splitView, splitOverlay }: Props) {
  const asset = useSession((s) => s.session?.asset ?? null);
  const labels = useView((s) => s.labels);
  // Split view of a what-if: the same scene drawn twice; labels and badges (placed for one view) are hidden.
  const split = useStore(compareStore, (s) => s.active);
  const { model, status } = useSceneModel(asset);
  const home = model?.home ?? DEFAULT_HOME;
  const quality = useQualitySettings();
  const comps = useMemo(() => (asset && model ? bindComponents(model, asset) : []), [model, asset]);
  const merged = useMergedParts(model, quality.mergedParts, quality.plainScene);
  const softwareRenderer = browserRendersInSoftware();
  const tooltipRef = useRef<HTMLDivElement>(null);
  const down = useRef({ x: 0, y: 0 });

  return (
    <div
      className="twin-scene"
      data-testid="twin-canvas"
      data-split={split ? 'compare' : undefined}
      onPointerDown={(e) => {
        down.current.x = e.clientX;
        down.current.y = e.clientY;
      }}
    >
      <Canvas
        // Render on demand (scene/frame-requests), the split what-if view too.
        frameloop={active ? 'demand' : 'never'}
        shadows={quality.shadows ? (quality.softShadows ? 'percentage' : 'basic') : false}
        dpr={drawingPixelRatio(quality, window.devicePixelRatio)}
        // Multisampling about doubles what each filled pixel costs a software renderer (SwiftShader, measured).
        gl={{
          antialias: !softwareRenderer,
          toneMapping: THREE.ACESFilmicToneMapping,
          toneMappingExposure: 1.0,
        }}
        camera={{ position: home.position, fov: 38, near: 0.05, far: 200 }}
        onPointerMissed={(e) => {
          if (Math.hypot(e.clientX - down.current.x, e.clientY - down.current.y) <= CLICK_SLOP_PX)
            selectComponent(null);
        }}
      >
        <color attach="background" args={[BACKGROUND]} />
        <fog attach="fog" args={[BACKGROUND, 22, 60]} />
        <Lighting quality={quality} />
        <AdaptiveQuality />
        <Floor plain={quality.plainScene} />
        {model && (
          <>
            <AssetView
              model={model}
              comps={comps}
              merged={merged}
              asset={asset}
              feed={feed}
              tooltipRef={tooltipRef}
            />
            {/* Hidden, not unmounted, in the split view: each is a React root of its own (drei Html) and
                tearing them down inside the compare toggle's commit is what the page must not have to do. */}
            <AlarmBadges comps={comps} />
            {labels && asset && (
              <ComponentLabels comps={comps} asset={asset} layout={labelLayoutFor(model)} hidden={split} />
            )}
            {split && splitView?.({ model, comps, asset, merged })}
            <TestHooks comps={comps} model={model} merged={merged} />
          </>
        )}
        <CameraRig comps={comps} home={home} />
        <DemandFrames requestOnChange shown={active} />
        <OrbitControls
          makeDefault
          enableDamping
          dampingFactor={0.09}
          target={home.target}
          minDistance={0.8}
          maxDistance={30}
          maxPolarAngle={Math.PI * 0.495}
        />
      </Canvas>
      {split && splitOverlay}
      <div ref={tooltipRef} className="twin-tooltip" role="tooltip" />
      {status && (
        <div
          className={`twin-model-status twin-model-status-${status.kind}`}
          role={status.kind === 'error' ? 'alert' : 'status'}
          data-testid="model-status"
        >
          {status.message}
        </div>
      )}
    </div>
  );
}
