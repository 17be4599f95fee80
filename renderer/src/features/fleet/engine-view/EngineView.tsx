import * as THREE from 'three';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Canvas, type ThreeEvent } from '@react-three/fiber';
import { Grid, OrbitControls } from '@react-three/drei';
import { StudioEnvironment } from '../../../scene/StudioEnvironment';
import { CMAPSS_SENSOR_NAMES, CMAPSS_SENSOR_TAG_IDS } from '../../../../../core/data/cmapss';
import type { EngineColorMode } from '../../../../../core/fleet/engine-colors';
import { setEngineColorBy, setEngineXray, useFleet } from '../fleet-store';
import { ENGINE_FOV, ENGINE_TARGET, EngineCamera } from './EngineCamera';
import { EngineLegend } from './EngineLegend';
import { EngineModel } from './EngineModel';
import { EngineTooltip } from './EngineTooltip';
import { useEngineAtCycle, useEnginePositions } from './engine-state';

const BACKGROUND = '#b3b8bd';

const MODES: readonly EngineColorMode[] = ['deviation', 'sensor', 'rul'];

function Lighting() {
  return (
    <>
      <StudioEnvironment resolution={128} />
      <directionalLight position={[-4, 9, 6]} intensity={1.5} />
    </>
  );
}

/**
 * The opened engine in 3D, colored part by part at the fleet's cycle by health deviation, one
 * sensor's value or the predicted RUL; hovering a part lists its sensors.
 */
export function EngineView() {
  const { t } = useTranslation('fleet');
  const unit = useFleet((s) => s.selectedUnit);
  const summary = useFleet((s) => (s.subset ? s.fleets[s.subset] : undefined));
  const colorBy = useFleet((s) => s.engineColorBy);
  const xray = useFleet((s) => s.engineXray);
  const rul = useFleet((s) => s.engines.find((e) => e.unit === s.selectedUnit)?.rul ?? null);
  const at = useEngineAtCycle();
  const positions = useEnginePositions(at);
  const [hovered, setHovered] = useState<string | null>(null);
  const tipRef = useRef<HTMLDivElement>(null);
  if (unit === null || !summary) return null;
  const asset = summary.asset;

  const onHover = (id: string | null, e: ThreeEvent<PointerEvent> | null) => {
    if (id !== hovered) setHovered(id);
    document.body.style.cursor = id ? 'crosshair' : '';
    const tip = tipRef.current;
    const host = tip?.parentElement;
    if (!e || !tip || !host) return;
    const r = host.getBoundingClientRect();
    const x = Math.min(e.nativeEvent.clientX - r.left + 14, r.width - tip.offsetWidth - 4);
    tip.style.transform = `translate(${x}px, ${e.nativeEvent.clientY - r.top + 16}px)`;
  };

  return (
    <section
      className="fleet-engine"
      data-testid="fleet-engine-view"
      aria-label={t('engine.label', { unit })}
    >
      <div className="fleet-engine-bar">
        <strong>
          {t('detail.engine', { unit })}
          {at && <span className="muted">{t('engine.cycle', { cycle: at.cycle })}</span>}
        </strong>
        <label className="toolbar-field">
          <span>{t('engine.colourBy')}</span>
          <select
            data-testid="fleet-engine-color"
            value={colorBy.mode}
            onChange={(e) => setEngineColorBy({ ...colorBy, mode: e.target.value as EngineColorMode })}
          >
            {MODES.map((mode) => (
              <option key={mode} value={mode}>
                {t(`engine.modes.${mode}`)}
              </option>
            ))}
          </select>
        </label>
        {colorBy.mode === 'sensor' && (
          <select
            data-testid="fleet-engine-sensor"
            aria-label={t('engine.sensorShown')}
            value={colorBy.sensor}
            onChange={(e) => setEngineColorBy({ ...colorBy, sensor: Number(e.target.value) })}
          >
            {CMAPSS_SENSOR_NAMES.map((n, k) => (
              <option key={n} value={k + 1}>
                {n} —{' '}
                {asset.tags.find((tag) => tag.id === CMAPSS_SENSOR_TAG_IDS[k])?.name ??
                  t('detail.sensor', { n: k + 1 })}
              </option>
            ))}
          </select>
        )}
        <label className="toolbar-field">
          <input
            type="checkbox"
            data-testid="fleet-engine-xray"
            checked={xray}
            onChange={(e) => setEngineXray(e.target.checked)}
          />
          <span>{t('engine.xray')}</span>
        </label>
      </div>
      <div className="fleet-engine-stage">
        <div className="fleet-engine-canvas">
          <Canvas
            frameloop="demand"
            dpr={[1, 2]}
            gl={{ antialias: true, toneMapping: THREE.ACESFilmicToneMapping }}
            camera={{ position: [-3, 2.6, 5], fov: ENGINE_FOV, near: 0.05, far: 100 }}
          >
            <color attach="background" args={[BACKGROUND]} />
            <Lighting />
            <mesh rotation-x={-Math.PI / 2} raycast={() => undefined}>
              <planeGeometry args={[40, 40]} />
              <meshStandardMaterial color="#aab0b5" roughness={0.95} />
            </mesh>
            <Grid
              position={[0, 0.003, 0]}
              args={[20, 20]}
              cellSize={0.5}
              cellColor="#a4aaaf"
              sectionSize={2.5}
              sectionColor="#8d949a"
              fadeDistance={22}
              raycast={() => undefined}
            />
            <EngineModel
              asset={asset}
              positions={positions}
              xray={xray}
              hovered={hovered}
              onHover={onHover}
            />
            <EngineCamera />
            <OrbitControls
              makeDefault
              target={ENGINE_TARGET}
              minDistance={2}
              maxDistance={18}
              maxPolarAngle={Math.PI * 0.49}
            />
          </Canvas>
          <EngineTooltip ref={tipRef} asset={asset} componentId={hovered} at={at} />
        </div>
        <div className="fleet-engine-legend">
          <EngineLegend
            colorBy={colorBy}
            asset={asset}
            rulCap={summary.model?.rulCap ?? 125}
            hasRul={rul !== null}
          />
        </div>
      </div>
    </section>
  );
}
