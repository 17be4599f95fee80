import { displayValues } from '../state/display-values';
import * as THREE from 'three';
import { useEffect, useMemo, useRef, type RefObject } from 'react';
import { useFrame, type ThreeEvent } from '@react-three/fiber';
import type { AssetDefinition } from '../../../core/asset/schema';
import { focusComponent, hoverComponent, selectComponent, viewStore } from '../state/view-store';
import { predictionStore } from '../state/prediction-store';
import { compareStore } from '../state/compare-store';
import { previewFrames } from '../features/whatif/preview-frames';
import { tagSpan } from './paint/whatif-delta';
import type { SceneComponent } from './bind-components';
import { hoverText } from '../features/whatif/compare/hover-text';
import { paintComponents, type PaintContext } from './paint/paint-components';
import { isModelColorBy, paintModelColours } from './paint/paint-model-colors';
import { forecastStore } from '../state/forecast-store';
import { displayedPrediction } from '../state/displayed-prediction';
import { WhyHighlight } from './paint/why-highlight';
import type { SkidModel } from './pump-skid';

/** Rotor speed on screen = real speed × this, so 1,480 rpm reads as a calm turn, not a blur. */
export const ROTOR_VISUAL_SCALE = 0.04;
const XRAY_OPACITY = 0.25;
const SELECTED_EMISSIVE = new THREE.Color(0.05, 0.13, 0.28);
const HOVER_EMISSIVE = new THREE.Color(0.06, 0.07, 0.08);
const NO_EMISSIVE = new THREE.Color(0, 0, 0);
const CLICK_SLOP_PX = 5;

interface Props {
  model: SkidModel;
  comps: SceneComponent[];
  asset: AssetDefinition | null;
  tooltipRef: RefObject<HTMLDivElement | null>;
}

const componentOf = (e: ThreeEvent<PointerEvent | MouseEvent>): string | null =>
  (e.object.userData.componentId as string | undefined) ?? null;

/**
 * The skid model with picking, hover and selection, x-ray, and the one render-loop pass that colours
 * every component from the latest telemetry (no React state per frame).
 */
export function SkidView({ model, comps, asset, tooltipRef }: Props) {
  const hovered = useRef<string | null>(null);
  const tint = useMemo(() => new THREE.Color(), []);
  const selectionBox = useMemo(() => {
    const helper = new THREE.Box3Helper(new THREE.Box3(), new THREE.Color('#2f6fa8'));
    helper.visible = false;
    helper.raycast = () => undefined;
    return helper;
  }, []);
  const lastSelected = useRef<string | null>(null);
  const why = useMemo(() => new WhyHighlight(comps, asset), [comps, asset]);
  useEffect(() => () => why.dispose(), [why]);

  const lookup = useMemo(() => {
    const tagIndex = new Map<string, number>();
    asset?.tags.forEach((t, i) => tagIndex.set(t.id, i));
    return { tagIndex, speed: tagIndex.get('motor_speed') ?? -1, level: tagIndex.get('tank_level') ?? -1 };
  }, [asset]);
  const ctx = useMemo<PaintContext>(
    () => ({
      colorBy: { mode: 'off' },
      tagIndex: -1,
      prediction: predictionStore.getState(),
      spans: Float32Array.from(asset?.tags ?? [], tagSpan),
      baseline: null,
    }),
    [asset],
  );

  // X-ray: swap casing materials to see-through once per toggle, never per frame.
  useEffect(() => {
    const apply = (xray: boolean) => {
      model.parts.traverse((o) => {
        if (!(o instanceof THREE.Mesh) || !o.userData.xray) return;
        const m = o.material as THREE.MeshStandardMaterial;
        m.transparent = xray || (m.userData.baseTransparent as boolean);
        m.opacity = xray ? XRAY_OPACITY : (m.userData.baseOpacity as number);
        m.depthWrite = !m.transparent;
        o.castShadow = !xray;
        m.needsUpdate = true;
      });
    };
    apply(viewStore.getState().xray);
    return viewStore.subscribe((s, prev) => {
      if (s.xray !== prev.xray) apply(s.xray);
    });
  }, [model]);

  useEffect(() => () => hoverComponent(null), []);

  useFrame((_, dt) => {
    const view = viewStore.getState();
    // Split view: CompareRenderer paints each side itself, just before drawing it.
    const split = compareStore.getState().active;
    const latest = displayValues();
    if (!split) {
      ctx.colorBy = view.colorBy;
      ctx.tagIndex = view.colorBy.mode === 'tag' ? (lookup.tagIndex.get(view.colorBy.tagId) ?? -1) : -1;
      ctx.prediction = displayedPrediction();
      ctx.baseline = view.colorBy.mode === 'whatif-delta' ? (previewFrames()?.baseline ?? null) : null;
      paintComponents(comps, latest, ctx, tint);
      const cb = view.colorBy;
      if (isModelColorBy(cb)) {
        const forecastTag = cb.mode === 'forecast' ? (lookup.tagIndex.get(cb.tagId) ?? -1) : -1;
        paintModelColours(comps, cb, ctx.prediction, forecastStore.getState(), forecastTag, tint);
      }
    }
    why.refresh(view.selectedComponent);
    for (const c of comps) {
      const emissive =
        view.selectedComponent === c.id
          ? SELECTED_EMISSIVE
          : (why.emissiveFor(c.id) ?? (view.hoveredComponent === c.id ? HOVER_EMISSIVE : NO_EMISSIVE));
      for (const m of c.materials) m.emissive.copy(emissive);
    }
    if (view.selectedComponent !== lastSelected.current) {
      lastSelected.current = view.selectedComponent;
      const sel = comps.find((c) => c.id === view.selectedComponent);
      selectionBox.visible = !!sel;
      if (sel) selectionBox.box.copy(sel.box).expandByScalar(0.03);
    }
    if (split) return;
    const rpm = lookup.speed >= 0 ? (latest[lookup.speed] ?? 0) : 0;
    if (Number.isFinite(rpm))
      model.rotor.rotation.x -= ((rpm * Math.PI * 2) / 60) * ROTOR_VISUAL_SCALE * Math.min(dt, 0.1);
    const level = lookup.level >= 0 ? (latest[lookup.level] ?? Number.NaN) : Number.NaN;
    model.liquid.visible = Number.isFinite(level) && view.xray;
    if (model.liquid.visible) model.liquid.scale.y = Math.max(0.001, level);
  });

  const setHover = (id: string | null) => {
    const tip = tooltipRef.current;
    // The text follows the preview time while the pointer rests on the part (it names the part's biggest change).
    const text = id
      ? hoverText(
          comps.find((c) => c.id === id),
          asset,
          ctx.spans,
        )
      : '';
    if (tip && tip.textContent !== text) tip.textContent = text;
    if (hovered.current === id) return;
    hovered.current = id;
    hoverComponent(id);
    document.body.style.cursor = id ? 'pointer' : '';
    if (tip) tip.style.opacity = id ? '1' : '0';
  };

  return (
    <>
      <primitive
        object={model.root}
        onPointerMove={(e: ThreeEvent<PointerEvent>) => {
          e.stopPropagation();
          setHover(componentOf(e));
          const tip = tooltipRef.current;
          const host = tip?.parentElement;
          if (tip && host) {
            const r = host.getBoundingClientRect();
            tip.style.transform = `translate(${e.nativeEvent.clientX - r.left + 14}px, ${e.nativeEvent.clientY - r.top + 16}px)`;
          }
        }}
        onPointerOut={() => setHover(null)}
        onClick={(e: ThreeEvent<MouseEvent>) => {
          e.stopPropagation();
          if (e.delta > CLICK_SLOP_PX) return;
          selectComponent(componentOf(e));
        }}
        onDoubleClick={(e: ThreeEvent<MouseEvent>) => {
          e.stopPropagation();
          const id = componentOf(e);
          if (id) focusComponent(id);
        }}
      />
      <primitive object={selectionBox} />
      <primitive object={why.group} />
    </>
  );
}
