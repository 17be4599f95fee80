import * as THREE from 'three';
import { useEffect, useMemo, type RefObject } from 'react';
import { useThree, type ThreeEvent } from '@react-three/fiber';
import type { HangarLayout } from '../../../../core/fleet/layout';
import type { FleetEngine } from '../../../../core/fleet/sort-filter';
import { fleetEngineGeometry } from './engine-geometry';
import { colorPositions, paintInstances } from './fleet-colors';
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
  meshRef: RefObject<THREE.InstancedMesh | null>;
}

/**
 * Every displayed engine as one instance of one mesh: one draw call for the fleet. Matrices change
 * when the order or filter does; colors every tick, written straight into the color array.
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
  const mesh = useMemo(() => {
    const m = new THREE.InstancedMesh(
      fleetEngineGeometry(lowDetail),
      // Low: a matte (Lambert) material, cheaper per filled pixel than PBR on a software renderer.
      lowDetail
        ? // Front faces only: the open intake and exhaust show no inner skin, at half the triangles rasterised.
          new THREE.MeshLambertMaterial({ color: '#ffffff', side: THREE.FrontSide })
        : new THREE.MeshStandardMaterial({
            color: '#ffffff',
            metalness: 0.35,
            roughness: 0.5,
            side: THREE.DoubleSide,
          }),
      capacity,
    );
    m.instanceColor = new THREE.InstancedBufferAttribute(new Float32Array(capacity * 3), 3);
    m.name = 'fleet-engines';
    return m;
  }, [capacity, lowDetail]);
  useEffect(() => {
    meshRef.current = mesh;
    return () => {
      meshRef.current = null;
      mesh.geometry.dispose();
      (mesh.material as THREE.Material).dispose();
      mesh.dispose();
    };
  }, [mesh, meshRef]);

  useEffect(() => {
    const m = new THREE.Matrix4();
    const p = layout.positions;
    for (let i = 0; i < engines.length; i++)
      mesh.setMatrixAt(i, m.makeTranslation(p[i * 3]!, p[i * 3 + 1]!, p[i * 3 + 2]!));
    mesh.count = engines.length;
    mesh.instanceMatrix.needsUpdate = true;
    mesh.computeBoundingSphere();
    invalidate();
  }, [mesh, engines.length, layout, invalidate]);

  useEffect(() => {
    paintInstances(mesh, colorPositions(engines, colorBy, rulCap));
    invalidate();
  }, [mesh, engines, colorBy, rulCap, invalidate]);

  const unitAt = (e: ThreeEvent<PointerEvent | MouseEvent>) =>
    e.instanceId === undefined ? null : (engines[e.instanceId] ?? null);

  return (
    <primitive
      object={mesh}
      onPointerMove={(e: ThreeEvent<PointerEvent>) => {
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
      }}
      onPointerOut={() => {
        hoverUnit(null);
        document.body.style.cursor = '';
        if (tooltipRef.current) tooltipRef.current.style.opacity = '0';
      }}
      onClick={(e: ThreeEvent<MouseEvent>) => {
        e.stopPropagation();
        if (e.delta > CLICK_SLOP_PX) return;
        const engine = unitAt(e);
        if (engine) void openEngine(engine.unit);
      }}
    />
  );
}
