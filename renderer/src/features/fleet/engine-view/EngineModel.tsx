import * as THREE from 'three';
import { useEffect, useMemo } from 'react';
import { useThree, type ThreeEvent } from '@react-three/fiber';
import type { AssetDefinition } from '../../../../../core/asset/schema';
import { bindComponents } from '../../../scene/bind-components';
import { buildTurbofan } from '../../../scene/turbofan';
import { useEngineHooks } from './engine-hooks';
import { applyXray, paintComponents, pickComponent } from './engine-paint';

const HOVER_EMISSIVE = new THREE.Color(0.06, 0.07, 0.08);
const NO_EMISSIVE = new THREE.Color(0, 0, 0);

interface Props {
  asset: AssetDefinition;
  positions: ReadonlyMap<string, number>;
  xray: boolean;
  hovered: string | null;
  onHover(componentId: string | null, e: ThreeEvent<PointerEvent> | null): void;
}

/**
 * The procedural turbofan (the same model "Open asset…" shows), its components bound to the asset and
 * colored from `positions`. Renders on demand: colors change only with the cycle or the coloring.
 */
export function EngineModel({ asset, positions, xray, hovered, onHover }: Props) {
  const model = useMemo(() => buildTurbofan(), []);
  useEffect(() => () => model.dispose(), [model]);
  const comps = useMemo(() => bindComponents(model, asset), [model, asset]);
  const invalidate = useThree((s) => s.invalidate);

  useEffect(() => {
    paintComponents(comps, positions);
    invalidate();
  }, [comps, positions, invalidate]);
  useEffect(() => {
    applyXray(model.parts, xray);
    invalidate();
  }, [model, xray, invalidate]);
  useEffect(() => {
    for (const c of comps)
      for (const m of c.materials) m.emissive.copy(c.id === hovered ? HOVER_EMISSIVE : NO_EMISSIVE);
    invalidate();
  }, [comps, hovered, invalidate]);
  useEngineHooks(comps, model.parts, xray);

  return (
    <primitive
      object={model.root}
      onPointerMove={(e: ThreeEvent<PointerEvent>) => {
        e.stopPropagation();
        onHover(pickComponent(e.intersections, xray), e);
      }}
      onPointerOut={() => onHover(null, null)}
    />
  );
}
