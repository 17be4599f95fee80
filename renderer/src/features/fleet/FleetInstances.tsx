import type * as THREE from 'three';
import { useEffect, useMemo, type RefObject } from 'react';
import { useFrame, useThree, type ThreeEvent } from '@react-three/fiber';
import type { HangarLayout } from '../../../../core/fleet/layout';
import type { FleetEngine } from '../../../../core/fleet/sort-filter';
import { ENGINE_LENGTH } from './engine-geometry';
import { FleetMeshes } from './fleet-meshes';
import { farDistance } from '../../../../core/fleet/level-of-detail';
import { colorPositions } from './fleet-colors';
import { hoverUnit, type FleetColorBy } from './fleet-store';
import { openEngine } from './open-engine';
import { i18n } from '../../i18n/i18n';
import { formatRul } from './format';
import { CLICK_SLOP_PX } from '../../scene/pointer';

interface Props {
  /** Largest number of engines the mesh must hold (the whole fleet, before filtering). */
  capacity: number;
  engines: FleetEngine[];
  layout: HangarLayout;
  colorBy: FleetColorBy;
  rulCap: number;
  /** Fewer segments per engine (low quality). */
  lowDetail: boolean;
  tooltipRef: RefObject<HTMLDivElement | null>;
  meshRef: RefObject<FleetMeshes | null>;
}

/** Engines a camera sees shorter than this many pixels are drawn with the coarse far mesh. */
const FAR_PIXELS = 48;

/**
 * Every displayed engine as one instance of two meshes (near and far, see FleetMeshes): two draw calls for the
 * fleet. Matrices change when the order, the filter or an engine's side of the split does; colors every tick,
 * written straight into the color arrays.
 */
export function FleetInstances({
  capacity: wanted,
  engines,
  layout,
  colorBy,
  rulCap,
  lowDetail,
  tooltipRef,
  meshRef,
}: Props) {
  const capacity = Math.max(1, wanted, engines.length);
  const invalidate = useThree((s) => s.invalidate);
  const camera = useThree((s) => s.camera);
  const meshes = useMemo(() => new FleetMeshes(capacity, lowDetail), [capacity, lowDetail]);
  useEffect(() => {
    meshRef.current = meshes;
    return () => {
      meshRef.current = null;
      meshes.dispose();
    };
  }, [meshes, meshRef]);

  const eye = (): [number, number, number] => [camera.position.x, camera.position.y, camera.position.z];
  const farFrom = (height: number) =>
    farDistance(ENGINE_LENGTH, (camera as THREE.PerspectiveCamera).fov ?? 38, height, FAR_PIXELS);
  const height = useThree((s) => s.size.height);

  useEffect(() => {
    meshes.setLayout(layout.positions, engines.length, eye(), farFrom(height));
    invalidate();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [meshes, engines.length, layout, invalidate]);

  useEffect(() => {
    meshes.paint(colorPositions(engines, colorBy, rulCap));
    invalidate();
  }, [meshes, engines, colorBy, rulCap, invalidate]);

  // Every frame drawn (a camera move asks for one): engines that came near or went far change mesh.
  useFrame((state) => {
    meshes.update(eye(), farFrom(state.size.height));
  });

  const unitAt = (e: ThreeEvent<PointerEvent | MouseEvent>) =>
    engines[meshes.engineIndex(e.object, e.instanceId)] ?? null;
  const handlers = {
    onPointerMove: (e: ThreeEvent<PointerEvent>) => {
      e.stopPropagation();
      const engine = unitAt(e);
      hoverUnit(engine?.unit ?? null);
      document.body.style.cursor = engine ? 'pointer' : '';
      const tip = tooltipRef.current;
      const host = tip?.parentElement;
      if (!tip || !host) return;
      tip.style.opacity = engine ? '1' : '0';
      if (!engine) return;
      tip.textContent = i18n.t('fleet:view.tooltip', {
        unit: engine.unit,
        cycles: engine.cycles,
        rul: formatRul(engine.rul, engine.rulStd),
      });
      const r = host.getBoundingClientRect();
      tip.style.transform = `translate(${e.nativeEvent.clientX - r.left + 14}px, ${e.nativeEvent.clientY - r.top + 16}px)`;
    },
    onPointerOut: () => {
      hoverUnit(null);
      document.body.style.cursor = '';
      if (tooltipRef.current) tooltipRef.current.style.opacity = '0';
    },
    onClick: (e: ThreeEvent<MouseEvent>) => {
      e.stopPropagation();
      if (e.delta > CLICK_SLOP_PX) return;
      const engine = unitAt(e);
      if (engine) void openEngine(engine.unit);
    },
  };

  return (
    <>
      <primitive object={meshes.near} {...handlers} />
      <primitive object={meshes.far} {...handlers} />
    </>
  );
}
