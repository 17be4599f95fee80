/**
 * The model's moving parts, driven by tags of the asset definition rather than fixed tag ids: the rotor turns
 * at the rotation rate measured on the asset's motor component, the liquid column follows the length measured
 * on its tank component (both found by component kind and unit quantity). An asset without such a component
 * (the turbofan) simply has nothing animated.
 */
import type * as THREE from 'three';
import type { AssetDefinition, ComponentDefinition } from '../../../../core/asset/schema';
import { isKnownUnit, toSI, unitInfo } from '../../../../core/units/units';

/** Rotor speed on screen = real speed × this, so 1,480 rpm reads as a calm turn, not a blur. */
const ROTOR_VISUAL_SCALE = 0.04;
/** Longest frame step the rotor integrates, so a stalled tab does not jump the shaft on its return. */
const MAX_STEP_S = 0.1;

interface AnimatedTag {
  /** Index in the asset's tag order. */
  index: number;
  unit: string;
}

/** The asset tags that animate the model; null where the asset has none. */
export interface ModelAnimation {
  rotorSpeed: AnimatedTag | null;
  liquidLevel: AnimatedTag | null;
}

function measuredOn(
  asset: AssetDefinition | null,
  kind: ComponentDefinition['kind'],
  quantity: string,
): AnimatedTag | null {
  if (!asset) return null;
  for (const component of asset.components) {
    if (component.kind !== kind) continue;
    for (const tagId of component.tags) {
      const index = asset.tags.findIndex((t) => t.id === tagId);
      const unit = asset.tags[index]?.unit;
      if (unit && isKnownUnit(unit) && unitInfo(unit).quantity === quantity) return { index, unit };
    }
  }
  return null;
}

export function modelAnimation(asset: AssetDefinition | null): ModelAnimation {
  return {
    rotorSpeed: measuredOn(asset, 'motor', 'frequency'),
    liquidLevel: measuredOn(asset, 'tank', 'length'),
  };
}

/** Radians the rotor turns in `dt` seconds at the speed in `values` (asset tag order); 0 when unknown. */
export function rotorTurn(animation: ModelAnimation, values: Float32Array, dt: number): number {
  const tag = animation.rotorSpeed;
  if (!tag) return 0;
  const hz = toSI(values[tag.index] ?? 0, tag.unit);
  if (!Number.isFinite(hz)) return 0;
  return hz * Math.PI * 2 * ROTOR_VISUAL_SCALE * Math.min(dt, MAX_STEP_S);
}

/** Shows the liquid at the level in `values` while the casings are see-through (x-ray), else hides it. */
export function showLiquidLevel(
  liquid: THREE.Mesh | null,
  animation: ModelAnimation,
  values: Float32Array,
  xray: boolean,
): void {
  if (!liquid) return;
  const tag = animation.liquidLevel;
  const metres = tag ? toSI(values[tag.index] ?? Number.NaN, tag.unit) : Number.NaN;
  liquid.visible = Number.isFinite(metres) && xray;
  if (liquid.visible) liquid.scale.y = Math.max(0.001, metres);
}
