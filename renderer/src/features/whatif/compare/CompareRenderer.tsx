import * as THREE from 'three';
import { useEffect, useMemo } from 'react';
import { useFrame, useThree, type RootState } from '@react-three/fiber';
import type { AssetDefinition } from '../../../../../core/asset/schema';
import { displayValues } from '../../../state/display-values';
import { predictionStore } from '../../../state/prediction-store';
import { viewStore } from '../../../state/view-store';
import { compareReadout } from '../../../state/compare-readout';
import type { SceneComponent } from '../../../scene/bind-components';
import { modelAnimation, rotorTurn, showLiquidLevel } from '../../../scene/model/animation';
import type { SceneModel } from '../../../scene/model/scene-model';
import type { MergedParts } from '../../../scene/merge/merged-parts';
import type { PaintContext } from '../../../scene/paint/paint-context';
import { paintOff } from '../../../scene/paint/paint-measured';
import { isModelColorBy, paintScene } from '../../../scene/paint/painters';
import { tagSpan } from '../../../scene/paint/whatif-delta';
import { previewFrames } from '../preview-frames';
import { whatIfStore } from '../whatif-store';
import { sceneClockRuns } from '../../../scene/frame-requests';
import { useQualitySettings } from '../../../scene/quality/use-quality';

/** Each half is half as wide: pull the view back so most of the skid still fits across it. */
const SPLIT_ZOOM = 0.62;

/** Pointer → the half it is over, so picking works the same on both sides. */
function splitCompute(event: { offsetX: number; offsetY: number }, state: RootState): void {
  const half = state.size.width / 2;
  const x = event.offsetX >= half ? event.offsetX - half : event.offsetX;
  state.pointer.set((x / half) * 2 - 1, -(event.offsetY / state.size.height) * 2 + 1);
  state.raycaster.setFromCamera(state.pointer, state.camera);
}

interface Props {
  model: SceneModel;
  comps: SceneComponent[];
  asset: AssetDefinition | null;
  /** The static parts as merged meshes: repainted from the parts' materials after each side is colored. */
  merged: MergedParts | null;
}

/**
 * Split view of a what-if: takes over the render loop (priority 1) and draws the same scene and camera twice,
 * on demand like the live view (a new answer, the preview time, the camera, a turning shaft ask for a frame),
 * left colored by "do nothing" and right by the plan at the preview time. Colors are mutated between the two
 * draws; nothing re-renders React. The shadow map is drawn once per frame for both sides.
 */
export function CompareRenderer({ model, comps, asset, merged }: Props) {
  const get = useThree((s) => s.get);
  const invalidate = useThree((s) => s.invalidate);
  const { plainScene } = useQualitySettings();
  const tint = useMemo(() => new THREE.Color(), []);
  const drawn = useMemo(() => new THREE.Color(), []);
  const ctx = useMemo<PaintContext>(
    () => ({
      colorBy: { mode: 'alarm-distance' },
      tagIndex: -1,
      prediction: predictionStore.getState(),
      forecast: null,
      spans: Float32Array.from(asset?.tags ?? [], tagSpan),
      baseline: null,
    }),
    [asset],
  );
  const tagIndex = useMemo(() => new Map(asset?.tags.map((t, i) => [t.id, i]) ?? []), [asset]);
  const animation = useMemo(() => modelAnimation(asset), [asset]);
  const angles = useMemo(() => {
    const start = model.rotor?.rotation.x ?? 0;
    return [start, start];
  }, [model]);

  useEffect(() => {
    const { events, setEvents, gl } = get();
    const previous = events.compute;
    const zoom = (get().camera as THREE.PerspectiveCamera).zoom;
    setEvents({ compute: splitCompute });
    compareReadout.frames = 0;
    return () => {
      const s = get();
      s.setEvents(previous ? { compute: previous } : {});
      gl.shadowMap.autoUpdate = true;
      gl.setScissorTest(false);
      gl.setViewport(0, 0, s.size.width, s.size.height);
      const camera = s.camera as THREE.PerspectiveCamera;
      camera.aspect = s.size.width / s.size.height;
      camera.zoom = zoom;
      camera.updateProjectionMatrix();
      compareReadout.views = 0;
      compareReadout.previewIndex = null;
    };
  }, [get]);

  // Render on demand: a new answer (surrogate or physics) for the plan is a change the two sides show.
  useEffect(() => {
    invalidate();
    return whatIfStore.subscribe(() => invalidate());
  }, [invalidate]);

  useFrame((state, dt) => {
    const { gl, scene, size } = state;
    const camera = state.camera as THREE.PerspectiveCamera;
    const half = Math.floor(size.width / 2);
    camera.aspect = half / size.height;
    camera.zoom = SPLIT_ZOOM;
    camera.updateProjectionMatrix();
    const frames = previewFrames();
    let turning = false;
    const view = viewStore.getState();
    ctx.colorBy = view.colorBy;
    ctx.tagIndex = view.colorBy.mode === 'tag' ? (tagIndex.get(view.colorBy.tagId) ?? -1) : -1;
    ctx.prediction = predictionStore.getState();
    ctx.baseline = frames?.baseline ?? null;
    gl.shadowMap.autoUpdate = false;
    gl.shadowMap.needsUpdate = true;
    gl.setScissorTest(true);
    for (let side = 0; side < 2; side++) {
      const values = frames ? (side === 0 ? frames.baseline : frames.scenario) : displayValues();
      // The model outputs are not per side: the split view leaves the parts grey in those modes.
      if (isModelColorBy(ctx.colorBy)) paintOff(comps, values, ctx, tint);
      else paintScene(comps, values, ctx, tint);
      merged?.sync();
      record(comps, side, merged, drawn);
      const turn = rotorTurn(animation, values, dt);
      turning ||= turn !== 0;
      angles[side]! -= turn;
      if (model.rotor) model.rotor.rotation.x = angles[side]!;
      showLiquidLevel(model.liquid, animation, values, view.xray);
      const x = side === 0 ? 0 : half;
      const width = side === 0 ? half : size.width - half;
      gl.setViewport(x, 0, width, size.height);
      gl.setScissor(x, 0, width, size.height);
      gl.render(scene, camera);
    }
    gl.setScissorTest(false);
    gl.setViewport(0, 0, size.width, size.height);
    compareReadout.frames++;
    compareReadout.views = 2;
    compareReadout.previewIndex = frames?.index ?? null;
    if (turning && !plainScene && sceneClockRuns()) state.invalidate();
  }, 1);
  return null;
}

/** Scores and colors as drawn on `side` (the merged vertices' where the parts are merged); `drawn` is scratch. */
function record(
  comps: readonly SceneComponent[],
  side: number,
  merged: MergedParts | null,
  drawn: THREE.Color,
): void {
  for (const c of comps) {
    let score = compareReadout.scores.get(c.id);
    if (!score) compareReadout.scores.set(c.id, (score = [0, 0]));
    score[side] = c.score;
    let color = compareReadout.colors.get(c.id);
    if (!color) compareReadout.colors.set(c.id, (color = [0, 0, 0, 0, 0, 0]));
    const m = c.paint[0];
    if (!m) continue;
    if (!merged?.drawnColor(m, drawn)) drawn.copy(m.color);
    color[side * 3] = drawn.r;
    color[side * 3 + 1] = drawn.g;
    color[side * 3 + 2] = drawn.b;
  }
}
