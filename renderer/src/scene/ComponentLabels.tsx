import { displayValues } from '../state/display-values';
import * as THREE from 'three';
import { useMemo, useRef } from 'react';
import { Html } from '@react-three/drei';
import { useFrame } from '@react-three/fiber';
import type { AssetDefinition, TagDefinition } from '../../../core/asset/schema';
import type { SceneComponent } from './bind-components';
import { LABEL_ANCHORS, LABEL_TAGS } from './label-layout';
import { isAbnormal, labelTagIndices } from './label-rows';
import { SCENE_LAYERS } from './scene-layers';

const UPDATE_S = 0.25;

/** Formats a live value with the tag's decimals and unit; switches read as words. */
export function formatValue(tag: TagDefinition, v: number): string {
  if (!Number.isFinite(v)) return `— ${tag.unit === 'bool' ? '' : tag.unit}`.trim();
  if (tag.unit === 'bool') return v >= 0.5 ? 'ON' : 'OFF';
  return `${v.toFixed(tag.decimals)} ${tag.unit}`;
}

/** The DOM of one label row, rewritten at 4 Hz: which tag it shows changes when another gets worse. */
interface RowElements {
  row: HTMLDivElement | null;
  instrument: HTMLSpanElement | null;
  value: HTMLSpanElement | null;
}

/**
 * Floating name + key-value labels, with leader lines to the parts; each shows its part's key tags, or its
 * worst tag in their place when that one is further from normal. Rows refresh at 4 Hz via refs.
 */
export function ComponentLabels({ comps, asset }: { comps: SceneComponent[]; asset: AssetDefinition }) {
  const rowEls = useRef<RowElements[]>([]);
  const timer = useRef(UPDATE_S);

  const items = useMemo(() => {
    const tagIndex = new Map(asset.tags.map((t, i) => [t.id, i]));
    let slot = 0;
    return comps.map((c) => {
      const o = LABEL_ANCHORS[c.id] ?? [c.top.x, c.top.y + 0.3, c.top.z];
      const ids = LABEL_TAGS[c.id]?.filter((id) => tagIndex.has(id)) ?? c.tags.slice(0, 2).map((t) => t.id);
      const keys = ids.map((id) => tagIndex.get(id) ?? -1);
      const slots = keys.map(() => slot++);
      const anchor = new THREE.Vector3(o[0], o[1], o[2]);
      return { c, keys, slots, anchor };
    });
  }, [comps, asset]);

  const leaders = useMemo(() => {
    const pts: number[] = [];
    for (const { c, anchor } of items) pts.push(c.top.x, c.top.y, c.top.z, anchor.x, anchor.y, anchor.z);
    const g = new THREE.BufferGeometry();
    g.setAttribute('position', new THREE.Float32BufferAttribute(pts, 3));
    const line = new THREE.LineSegments(
      g,
      new THREE.LineBasicMaterial({ color: '#2b3035', transparent: true, opacity: 0.55 }),
    );
    line.raycast = () => undefined;
    return line;
  }, [items]);

  useFrame((_, dt) => {
    timer.current += dt;
    if (timer.current < UPDATE_S) return;
    timer.current = 0;
    const latest = displayValues();
    for (const { c, keys, slots } of items) {
      const shown = labelTagIndices(keys, c.tagIndices, asset.tags, latest);
      slots.forEach((slot, j) => {
        const el = rowEls.current[slot];
        const index = shown[j] ?? -1;
        const tag = asset.tags[index];
        if (!el || !tag) return;
        const v = latest[index] ?? Number.NaN;
        if (el.instrument) el.instrument.textContent = tag.instrument;
        if (el.value) el.value.textContent = formatValue(tag, v);
        el.row?.toggleAttribute('data-abnormal', isAbnormal(tag, v));
      });
    }
  });
  const rowRef = (slot: number, part: keyof RowElements) => (el: HTMLElement | null) => {
    const row = (rowEls.current[slot] ??= { row: null, instrument: null, value: null });
    (row[part] as HTMLElement | null) = el;
  };

  return (
    <>
      <primitive object={leaders} />
      {items.map(({ c, keys, slots, anchor }) => (
        <Html key={c.id} position={anchor} pointerEvents="none" zIndexRange={[...SCENE_LAYERS.labels]}>
          <div className="twin-label" data-testid={`label-${c.id}`}>
            <div className="twin-label-name">{c.name}</div>
            {slots.map((slot, j) => (
              <div className="twin-label-row" key={slot} ref={rowRef(slot, 'row')}>
                <span className="twin-label-instr" ref={rowRef(slot, 'instrument')}>
                  {asset.tags[keys[j] ?? -1]?.instrument}
                </span>
                <span className="twin-label-value" ref={rowRef(slot, 'value')}>
                  —
                </span>
              </div>
            ))}
          </div>
        </Html>
      ))}
    </>
  );
}
