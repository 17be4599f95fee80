/** "Change vs do nothing" in 3D: per-part change against the tag's span, the paint it gives, and the split view's state. */
import { readFileSync } from 'node:fs';
import * as THREE from 'three';
import { beforeEach, describe, expect, it } from 'vitest';
import type { WhatIfRunResult } from '../../core/api/domains/whatif';
import { assetSchema, type TagDefinition } from '../../core/asset/schema';
import type { SceneComponent } from '../../renderer/src/scene/bind-components';
import type { PaintContext } from '../../renderer/src/scene/paint/paint-context';
import { paintScene } from '../../renderer/src/scene/paint/painters';
import { initialPredictionState } from '../../renderer/src/state/prediction-store';
import { playbackStore } from '../../renderer/src/state/playback-store';
import { setColorBy, viewStore } from '../../renderer/src/state/view-store';
import { compareStore } from '../../renderer/src/state/compare-store';
import { enterCompare, leaveCompare, stepPreview } from '../../renderer/src/features/whatif/compare-actions';
import { previewFrames } from '../../renderer/src/features/whatif/preview-frames';
import { describeChange } from '../../renderer/src/features/whatif/compare/change-text';
import {
  componentDelta,
  emptyDelta,
  frameAt,
  movers,
  tagSpan,
} from '../../renderer/src/scene/paint/whatif-delta';
import { whatIfStore } from '../../renderer/src/features/whatif/whatif-store';

const asset = assetSchema.parse(JSON.parse(readFileSync('assets/pump-skid/asset.json', 'utf8')));
const tag = (id: string) => asset.tags.find((t) => t.id === id)!;
const idx = (id: string) => asset.tags.findIndex((t) => t.id === id);
const spans = Float32Array.from(asset.tags, tagSpan);
const tagsOf = (componentId: string) => asset.components.find((c) => c.id === componentId)!.tags.map(idx);

/** A steady plant state in the middle of every tag's normal band. */
const steady = () => Float32Array.from(asset.tags, (t) => (t.normal[0] + t.normal[1]) / 2);

describe('tag span', () => {
  it('runs from the lowest to the highest limit the asset defines', () => {
    expect(tagSpan(tag('motor_current'))).toBe(155 - 40); // normal 40…134, alarm 140, trip 155
    expect(tagSpan(tag('tank_level'))).toBeCloseTo(4.6 - 0.5); // trip low 0.5, alarm high 4.6
    expect(tagSpan(tag('motor_speed'))).toBe(600); // normal band only
    expect(tagSpan(tag('seal_leak_switch'))).toBe(0.5); // switch: normal 0, alarm 0.5
  });

  it('is 0 for a tag with no span, whose changes are then ignored', () => {
    const flat = { ...tag('motor_speed'), normal: [5, 5] } as TagDefinition;
    expect(tagSpan(flat)).toBe(0);
    const d = componentDelta([0], [0], [5], [9], emptyDelta());
    expect(d.score).toBe(0);
    expect(d.tagIndex).toBe(-1);
  });
});

describe('component change against doing nothing', () => {
  it('takes the tag that moved most relative to its span, keeping its sign and unit', () => {
    const base = steady();
    const plan = steady();
    plan[idx('motor_speed')]! += 290; // 290 / 600 = 0.48 of span
    plan[idx('motor_power')]! += 20; // 20 / 80 = 0.25 of span
    plan[idx('winding_temp')]! -= 6;
    const d = componentDelta(tagsOf('motor'), spans, base, plan, emptyDelta());
    expect(d.tagIndex).toBe(idx('motor_speed'));
    expect(d.score).toBeCloseTo(290 / 600, 5);
    expect(d.delta).toBeCloseTo(290, 3);
  });

  it('normalises: the same absolute change weighs less on a wide span', () => {
    const base = steady();
    const plan = steady();
    plan[idx('flow')]! += 30; // span 360 − 90 = 270
    plan[idx('discharge_pressure')]! += 0.3; // span 6.2 − 2.5 = 3.7
    const flow = componentDelta([idx('flow')], spans, base, plan, emptyDelta());
    const pressure = componentDelta([idx('discharge_pressure')], spans, base, plan, emptyDelta());
    expect(flow.score).toBeCloseTo(30 / 270, 4);
    expect(pressure.score).toBeCloseTo(0.3 / 3.7, 4);
    expect(componentDelta(tagsOf('discharge_pipe'), spans, base, plan, emptyDelta()).tagIndex).toBe(
      idx('flow'),
    );
  });

  it('is 0 for a part none of whose tags moved, and skips missing values', () => {
    const base = steady();
    const plan = steady();
    plan[idx('motor_speed')] = Number.NaN;
    expect(componentDelta(tagsOf('skid'), spans, base, plan, emptyDelta()).score).toBe(0);
    expect(componentDelta(tagsOf('motor'), spans, base, plan, emptyDelta()).tagIndex).toBe(-1);
  });

  it('lists the parts that move, largest first, and names the change', () => {
    const base = steady();
    const plan = steady();
    plan[idx('motor_speed')]! += 290;
    plan[idx('flow')]! += 60;
    plan[idx('ambient_temp')]! += 0.1; // 0.3 % of span: noise, left out
    const list = movers(asset, base, plan);
    expect(list.map((m) => m.componentId)).toEqual(['motor', 'discharge_pipe']);
    expect(describeChange(list[0]!.tag, list[0]!.baseline, list[0]!.scenario, list[0]!.score)).toBe(
      'Motor speed 1200 → 1490 rpm (+290, 48 % of span)',
    );
  });
});

/** Two parts with one paint material each, as bindComponents builds them. */
function fakeComponents(): SceneComponent[] {
  const make = (id: string): SceneComponent => {
    const m = new THREE.MeshStandardMaterial({ color: '#8a8f94' });
    m.userData.baseColor = m.color.clone();
    const indices = tagsOf(id);
    return {
      id,
      name: id,
      meshes: [],
      paint: [m],
      materials: [m],
      tagIndices: Int32Array.from(indices),
      tags: indices.map((i) => asset.tags[i]!),
      score: 0,
      delta: emptyDelta(),
      box: new THREE.Box3(),
      centre: new THREE.Vector3(),
      top: new THREE.Vector3(),
    };
  };
  return [make('motor'), make('skid')];
}

describe('painting by change', () => {
  it('colors the part whose tag moved and leaves the unchanged one in its grey', () => {
    const comps = fakeComponents();
    const base = steady();
    const plan = steady();
    plan[idx('motor_speed')]! += 290;
    const ctx: PaintContext = {
      colorBy: { mode: 'whatif-delta' },
      tagIndex: -1,
      prediction: initialPredictionState(),
      forecast: null,
      spans,
      baseline: base,
    };
    paintScene(comps, plan, ctx, new THREE.Color());
    const [motor, skid] = comps;
    expect(motor!.score).toBeCloseTo(290 / 600, 5);
    expect(motor!.paint[0]!.color.equals(motor!.paint[0]!.userData.baseColor as THREE.Color)).toBe(false);
    expect(skid!.score).toBe(0);
    expect(skid!.paint[0]!.color.equals(skid!.paint[0]!.userData.baseColor as THREE.Color)).toBe(true);

    // Without a previewed "do nothing" there is nothing to compare with: all grey.
    paintScene(comps, plan, { ...ctx, baseline: null }, new THREE.Color());
    expect(motor!.score).toBe(0);
    expect(motor!.paint[0]!.color.equals(motor!.paint[0]!.userData.baseColor as THREE.Color)).toBe(true);
  });
});

/** A what-if result with three points: the plan raises motor speed by 100 rpm per point. */
function fakeResult(): WhatIfRunResult {
  const n = 3;
  const column = (i: number, plan: boolean) =>
    Array.from({ length: n }, (_, k) => {
      const v = (asset.tags[i]!.normal[0] + asset.tags[i]!.normal[1]) / 2;
      return plan && i === idx('motor_speed') ? v + 100 * k : v;
    });
  const series = (plan: boolean) => ({
    values: asset.tags.map((_, i) => column(i, plan)),
    controls: {},
    kpis: {} as WhatIfRunResult['baseline']['kpis'],
  });
  return {
    forkId: 'f1',
    forkTime: 0,
    horizonS: 120,
    t: [0, 60_000, 120_000],
    tagIds: asset.tags.map((t) => t.id),
    baseline: series(false),
    scenario: series(true),
    deltas: {},
    computeMs: 1,
  };
}

describe('split view state', () => {
  beforeEach(() => {
    leaveCompare();
    whatIfStore.setState({ result: fakeResult(), previewIndex: null });
    playbackStore.setState({ mode: 'live', values: null });
    setColorBy({ mode: 'whatif-delta' });
  });

  it('reads both sides at the preview time', () => {
    whatIfStore.setState({ previewIndex: 2 });
    const f = previewFrames()!;
    expect(f.minutes).toBe(2);
    expect(f.scenario[idx('motor_speed')]! - f.baseline[idx('motor_speed')]!).toBe(200);
    expect(previewFrames()).toBe(f); // same index, no new arrays
    expect(frameAt(f.result.baseline, 9, new Float32Array(2))[0]).toBeNaN();
  });

  it('enters at the end of the horizon, colors by state while split, and puts the change coloring back', () => {
    enterCompare();
    expect(compareStore.getState().active).toBe(true);
    expect(whatIfStore.getState().previewIndex).toBe(2);
    expect(playbackStore.getState().mode).toBe('preview');
    expect(viewStore.getState().colorBy.mode).toBe('alarm-distance');
    stepPreview(-1);
    expect(whatIfStore.getState().previewIndex).toBe(1);
    stepPreview(-10);
    expect(whatIfStore.getState().previewIndex).toBe(0);
    leaveCompare();
    expect(compareStore.getState().active).toBe(false);
    expect(viewStore.getState().colorBy.mode).toBe('whatif-delta');
  });

  it('keeps a state coloring the user chose', () => {
    setColorBy({ mode: 'tag', tagId: 'flow' });
    enterCompare();
    expect(viewStore.getState().colorBy).toEqual({ mode: 'tag', tagId: 'flow' });
    leaveCompare();
    expect(viewStore.getState().colorBy).toEqual({ mode: 'tag', tagId: 'flow' });
  });

  it('does not split without a result', () => {
    whatIfStore.setState({ result: null });
    enterCompare();
    expect(compareStore.getState().active).toBe(false);
  });
});
