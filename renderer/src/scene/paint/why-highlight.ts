/**
 * "Why", painted on the parts: while a part is selected and the health model names tags that drove its score,
 * the parts carrying those tags get a teal outline and a faint teal glow (never an alarm color); the part
 * of the "why" entry under the pointer in the panel is singled out. Recomputed only when its inputs change.
 */
import * as THREE from 'three';
import type { AssetDefinition } from '../../../../core/asset/schema';
import { displayedPrediction } from '../../state/displayed-prediction';
import { whyEntries, whyHoverStore, whyParts } from '../../state/why';
import type { SceneComponent } from '../bind-components';

/** Outline color of a part that drives the score (also the legend swatch). */
export const WHY_OUTLINE = '#138a7e';
const WHY_EMISSIVE = new THREE.Color(0.015, 0.07, 0.065);
const WHY_EMISSIVE_HOVER = new THREE.Color(0.03, 0.2, 0.18);
/** Outline margin around the part; larger than the selection box's, so both show on a selected part. */
const OUTLINE_MARGIN = 0.06;

export class WhyHighlight {
  readonly group = new THREE.Group();
  private readonly outlines = new Map<string, THREE.Box3Helper>();
  private parts = new Map<string, number>();
  private singled: string | null = null;
  private seen: unknown[] = [];

  constructor(
    comps: readonly SceneComponent[],
    private readonly asset: AssetDefinition | null,
  ) {
    for (const c of comps) {
      const box = new THREE.Box3Helper(
        c.box.clone().expandByScalar(OUTLINE_MARGIN),
        new THREE.Color(WHY_OUTLINE),
      );
      box.visible = false;
      box.raycast = () => undefined;
      box.userData.whyOutline = c.id;
      this.outlines.set(c.id, box);
      this.group.add(box);
    }
  }

  /** Brings the highlight up to date with the selection, the latest "why" and the hovered entry. */
  refresh(selected: string | null): void {
    const p = displayedPrediction();
    const hoveredTag = whyHoverStore.getState().tagId;
    const inputs = [selected, p.influences, p.status, hoveredTag];
    if (inputs.every((v, i) => v === this.seen[i])) return;
    this.seen = inputs;
    const entries =
      this.asset && p.status === 'running'
        ? whyEntries(this.asset, p.components, p.influences, selected)
        : [];
    this.parts = whyParts(entries);
    const hovered = entries.find((e) => e.tagId === hoveredTag)?.componentId ?? null;
    this.singled = hovered && this.parts.has(hovered) ? hovered : null;
    for (const [id, box] of this.outlines)
      box.visible = this.singled ? id === this.singled : this.parts.has(id);
  }

  /** The glow of a part that drives the score (stronger when its entry is hovered), or null. */
  emissiveFor(componentId: string): THREE.Color | null {
    if (!this.parts.has(componentId)) return null;
    return componentId === this.singled ? WHY_EMISSIVE_HOVER : this.singled ? null : WHY_EMISSIVE;
  }

  dispose(): void {
    for (const box of this.outlines.values()) {
      box.geometry.dispose();
      (box.material as THREE.Material).dispose();
    }
  }
}
