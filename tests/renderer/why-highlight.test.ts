/**
 * "Why" painted on the parts: the parts carrying the tags that drive the selected part's score are outlined
 * and glow; hovering a "why" entry singles its part out; nothing is outlined without a selection or a model.
 */
import * as THREE from 'three';
import { afterEach, describe, expect, it } from 'vitest';
import { hoverWhyTag } from '../../renderer/src/state/why';
import type { SceneComponent } from '../../renderer/src/scene/bind-components';
import { WhyHighlight } from '../../renderer/src/scene/paint/why-highlight';
import { initialPredictionState, predictionStore } from '../../renderer/src/state/prediction-store';
import { pumpSkid } from '../core/whatif/helpers';

const asset = pumpSkid();
const ids = asset.components.map((c) => c.id);
const comps = ids.map(
  (id, i) =>
    ({
      id,
      box: new THREE.Box3(new THREE.Vector3(i, 0, 0), new THREE.Vector3(i + 0.5, 1, 1)),
    }) as SceneComponent,
);
const outlined = (why: WhyHighlight) =>
  why.group.children.filter((o) => o.visible).map((o) => o.userData.whyOutline as string);

function predictWhy(): void {
  const influences = ids.map(() => [] as { tagId: string; weight: number }[]);
  influences[ids.indexOf('bearing_de')] = [
    { tagId: 'bearing_de_envelope', weight: 3 },
    { tagId: 'flow', weight: 0.5 },
  ];
  predictionStore.setState({ ...initialPredictionState(), status: 'running', components: ids, influences });
}

afterEach(() => {
  predictionStore.setState(initialPredictionState());
  hoverWhyTag(null);
});

describe('why highlight', () => {
  it('outlines and tints the parts whose tags drive the selected part’s score', () => {
    predictWhy();
    const why = new WhyHighlight(comps, asset);
    why.refresh('bearing_de');
    expect(outlined(why).sort()).toEqual(['bearing_de', 'discharge_pipe']);
    expect(why.emissiveFor('discharge_pipe')).not.toBeNull();
    expect(why.emissiveFor('motor')).toBeNull();
    why.refresh('motor');
    expect(outlined(why)).toEqual([]);
    why.refresh(null);
    expect(outlined(why)).toEqual([]);
  });

  it('singles out the part of the hovered entry, with a stronger glow', () => {
    predictWhy();
    const why = new WhyHighlight(comps, asset);
    why.refresh('bearing_de');
    const normal = why.emissiveFor('discharge_pipe')!.clone();
    hoverWhyTag('flow');
    why.refresh('bearing_de');
    expect(outlined(why)).toEqual(['discharge_pipe']);
    expect(why.emissiveFor('discharge_pipe')!.g).toBeGreaterThan(normal.g);
    expect(why.emissiveFor('bearing_de')).toBeNull();
    hoverWhyTag(null);
    why.refresh('bearing_de');
    expect(outlined(why)).toHaveLength(2);
  });

  it('shows nothing while the model is not running', () => {
    predictWhy();
    predictionStore.setState({ status: 'warming-up' });
    const why = new WhyHighlight(comps, asset);
    why.refresh('bearing_de');
    expect(outlined(why)).toEqual([]);
  });
});
