import * as THREE from 'three';
import { useEffect, useMemo, useRef, type RefObject } from 'react';
import { useFrame, useThree, type ThreeEvent } from '@react-three/fiber';
import type { AssetDefinition } from '../../../core/asset/schema';
import { compareStore } from '../state/compare-store';
import { displayValues } from '../state/display-values';
import { displayedPrediction } from '../state/displayed-prediction';
import { forecastStore } from '../state/forecast-store';
import { predictionStore } from '../state/prediction-store';
import { focusComponent, hoverComponent, selectComponent, viewStore } from '../state/view-store';
import type { SceneComponent } from './bind-components';
import type { MergedParts } from './merge/merged-parts';
import { componentIdAt } from './merge/part-batch';
import { modelAnimation, rotorTurn, showLiquidLevel } from './model/animation';
import type { SceneModel } from './model/scene-model';
import type { PaintContext } from './paint/paint-context';
import { paintScene } from './paint/painters';
import { tagSpan } from './paint/whatif-delta';
import { WhyHighlight } from './paint/why-highlight';
import { StaleHatch } from './stale-hatch';
import { sceneClockRuns } from './frame-requests';
import { CLICK_SLOP_PX } from './pointer';
import type { SceneFeed } from './scene-feed';
import { i18n } from '../i18n/i18n';
import { localizeAsset } from '../i18n/localize-asset';
import { useQualitySettings } from './quality/use-quality';

const XRAY_OPACITY = 0.25;
const SELECTED_EMISSIVE = new THREE.Color(0.05, 0.13, 0.28);
const HOVER_EMISSIVE = new THREE.Color(0.06, 0.07, 0.08);
const NO_EMISSIVE = new THREE.Color(0, 0, 0);

interface Props {
  model: SceneModel;
  comps: SceneComponent[];
  /** The static parts as merged meshes, or null: drawn one by one. */
  merged: MergedParts | null;
  asset: AssetDefinition | null;
  feed: SceneFeed;
  tooltipRef: RefObject<HTMLDivElement | null>;
}

const componentOf = (e: ThreeEvent<PointerEvent | MouseEvent>): string | null =>
  componentIdAt(e.object, e.faceIndex);

/**
 * The asset's model with picking, hover and selection, x-ray, and the one render-loop pass that colors
 * every component from the latest telemetry (no React state per frame).
 */
export function AssetView({ model, comps, merged, asset, feed, tooltipRef }: Props) {
  const hovered = useRef<string | null>(null);
  const invalidate = useThree((s) => s.invalidate);
  // The merged meshes came or went: draw them.
  useEffect(() => invalidate(), [merged, invalidate]);
  const { plainScene } = useQualitySettings();
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
  const hatch = useMemo(() => new StaleHatch(comps), [comps]);
  useEffect(() => {
    (window.__twinscape ??= {}).staleParts = () => hatch.staleIds();
    return () => hatch.dispose();
  }, [hatch]);

  const tagIndex = useMemo(() => new Map(asset?.tags.map((t, i) => [t.id, i]) ?? []), [asset]);
  const animation = useMemo(() => modelAnimation(asset), [asset]);
  const ctx = useMemo<PaintContext>(
    () => ({
      colorBy: { mode: 'off' },
      tagIndex: -1,
      prediction: predictionStore.getState(),
      forecast: null,
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

  useFrame((state, dt) => {
    const view = viewStore.getState();
    // Split view: CompareRenderer paints each side itself, just before drawing it.
    const split = compareStore.getState().active;
    const latest = displayValues();
    if (!split) {
      const cb = view.colorBy;
      ctx.colorBy = cb;
      ctx.tagIndex = cb.mode === 'tag' || cb.mode === 'forecast' ? (tagIndex.get(cb.tagId) ?? -1) : -1;
      ctx.prediction = displayedPrediction();
      ctx.forecast = forecastStore.getState().forecast;
      ctx.baseline = cb.mode === 'whatif-delta' ? feed.deltaBaseline() : null;
      paintScene(comps, latest, ctx, tint);
    }
    why.refresh(view.selectedComponent);
    hatch.refresh(state.gl.getPixelRatio());
    for (const c of comps) {
      const emissive =
        view.selectedComponent === c.id
          ? SELECTED_EMISSIVE
          : (why.emissiveFor(c.id) ?? (view.hoveredComponent === c.id ? HOVER_EMISSIVE : NO_EMISSIVE));
      for (const m of c.materials) m.emissive.copy(emissive);
    }
    merged?.sync();
    if (view.selectedComponent !== lastSelected.current) {
      lastSelected.current = view.selectedComponent;
      const sel = comps.find((c) => c.id === view.selectedComponent);
      selectionBox.visible = !!sel;
      if (sel) selectionBox.box.copy(sel.box).expandByScalar(0.03);
    }
    if (split) return;
    const turn = model.rotor && sceneClockRuns() ? rotorTurn(animation, latest, dt) : 0;
    if (model.rotor && turn !== 0) {
      model.rotor.rotation.x -= turn;
      // Render on demand: the turning shaft asks for its next frame, except in a plain scene (low quality),
      // where it turns on the frames the data asks for.
      if (!plainScene) state.invalidate();
    }
    showLiquidLevel(model.liquid, animation, latest, view.xray);
  });

  const setHover = (id: string | null) => {
    const tip = tooltipRef.current;
    // The text follows the preview time while the pointer rests on the part (it names the part's biggest change).
    const text = id
      ? feed.hoverText(
          comps.find((c) => c.id === id),
          asset && localizeAsset(asset, i18n.language),
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
