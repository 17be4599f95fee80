/**
 * HMI look (issue #17): the forecast mode starts on a tag whose prediction matters and keeps normal values
 * grey, a part's label shows its worst tag, overlays the trainee must read stand above the 3D labels and
 * badges, and an earlier scenario's notices go when another one is loaded.
 */
import * as THREE from 'three';
import { describe, expect, it } from 'vitest';
import { PUMP_TAGS } from '../../core/ml/pump/spec';
import { labelTagIndices } from '../../renderer/src/scene/label-rows';
import { paintForecast } from '../../renderer/src/scene/paint/paint-model-outputs';
import type { PaintContext } from '../../renderer/src/scene/paint/paint-context';
import { SCENE_LAYERS } from '../../renderer/src/scene/scene-layers';
import type { SceneComponent } from '../../renderer/src/scene/bind-components';
import { defaultForecastTag } from '../../renderer/src/state/forecast-default-tag';
import type { LiveForecast } from '../../renderer/src/state/forecast-store';
import { noticesBelongTo, pushNotice, sessionStore } from '../../renderer/src/state/session-store';
import { initialPredictionState } from '../../renderer/src/state/prediction-store';
import { pumpSkid } from '../core/whatif/helpers';

const asset = pumpSkid();
const index = (id: string) => asset.tags.findIndex((t) => t.id === id);
/** Every tag at the middle of its normal band, except those given. */
function values(over: Record<string, number> = {}): Float32Array {
  return Float32Array.from(asset.tags, (t) => over[t.id] ?? (t.normal[0] + t.normal[1]) / 2);
}
/** A forecast holding each tag at `values` for the hour. */
const forecastOf = (v: Float32Array): LiveForecast => ({
  origin: 0,
  t: Array.from({ length: 60 }, (_, h) => (h + 1) * 60_000),
  values: Array.from(v, (x) => Array.from({ length: 60 }, () => x)),
});

describe('predicted value at +H', () => {
  it('does not start on the drive frequency, whose prediction has no limit to reach', () => {
    const tag = defaultForecastTag(asset, PUMP_TAGS, null, 30, []);
    expect(tag).not.toBe('vfd_frequency');
    expect(
      asset.tags.find((t) => t.id === tag)?.alarm ?? asset.tags.find((t) => t.id === tag)?.trip,
    ).toBeDefined();
    // Selecting the drive does not bring it back; a bearing's selection starts on one of its tags.
    expect(defaultForecastTag(asset, PUMP_TAGS, null, 30, ['vfd_frequency'])).not.toBe('vfd_frequency');
    expect(defaultForecastTag(asset, PUMP_TAGS, null, 30, ['bearing_de_temp'])).toBe('bearing_de_temp');
  });

  it('starts on the tag predicted nearest its alarm', () => {
    const heading = forecastOf(values({ seal_temp: 84 }));
    expect(defaultForecastTag(asset, PUMP_TAGS, heading, 30, ['bearing_de_temp'])).toBe('seal_temp');
  });

  it('paints a normal predicted value grey: the drive at 50 Hz is not bright yellow', () => {
    const k = index('vfd_frequency');
    const m = new THREE.MeshStandardMaterial({ color: 0x808080 });
    m.userData.baseColor = new THREE.Color(0x808080);
    const vfd = { id: 'vfd', paint: [m], tagIndices: Int32Array.of(k), tags: [asset.tags[k]!], score: -1 };
    const ctx: PaintContext = {
      colorBy: { mode: 'forecast', tagId: 'vfd_frequency', horizonMin: 30 },
      tagIndex: k,
      prediction: initialPredictionState(),
      forecast: forecastOf(values({ vfd_frequency: 50 })),
      spans: new Float32Array(),
      baseline: null,
    };
    paintForecast([vfd as unknown as SceneComponent], values(), ctx, new THREE.Color());
    expect(vfd.score).toBe(0);
    expect(m.color.getHex()).toBe(0x808080);
  });
});

describe('part labels', () => {
  // The pump skid's key tags of the DE bearing (scene/label-layout.ts).
  const keys = ['bearing_de_temp', 'bearing_de_vibration'].map(index);
  const part = ['bearing_de_vibration', 'bearing_de_envelope', 'bearing_de_temp'].map(index);
  const shown = (v: Float32Array) =>
    labelTagIndices(keys, part, asset.tags, v).map((i) => asset.tags[i]!.instrument);

  it('show the key tags while all is normal', () => {
    expect(shown(values())).toEqual(['TE211', 'VT211']);
  });

  it('show the worst tag: the envelope in alarm replaces a normal key tag', () => {
    expect(shown(values({ bearing_de_envelope: 2.4 }))).toEqual(['VE211', 'TE211']);
    // A key tag already worse keeps the label as it is.
    expect(shown(values({ bearing_de_envelope: 1.2, bearing_de_vibration: 7 }))).toEqual(['TE211', 'VT211']);
  });
});

describe('stacking over the 3D view', () => {
  it('puts captions and question cards above every label and alarm badge', () => {
    const highest = Math.max(...SCENE_LAYERS.labels, ...SCENE_LAYERS.badges);
    expect(SCENE_LAYERS.overlay).toBeGreaterThan(highest);
    expect(Math.min(...SCENE_LAYERS.badges)).toBeGreaterThan(Math.max(...SCENE_LAYERS.labels));
  });
});

describe('notices and trainer scenarios', () => {
  it('clears the notices of the scenario before when another one is loaded', () => {
    noticesBelongTo('seal-leak-weekend');
    pushNotice('error', 'Trainer play failed: answer the open question first');
    expect(sessionStore.getState().notices).toHaveLength(1);
    noticesBelongTo('seal-leak-weekend');
    expect(sessionStore.getState().notices).toHaveLength(1);
    noticesBelongTo('cavitation-low-suction-tank');
    expect(sessionStore.getState().notices).toEqual([]);
    pushNotice('warning', 'About the cavitation run');
    noticesBelongTo(null);
    expect(sessionStore.getState().notices).toEqual([]);
  });
});
