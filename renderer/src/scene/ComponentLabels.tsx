import { displayValues } from '../state/display-values';
import * as THREE from 'three';
import { useEffect, useMemo, useRef } from 'react';
import { Html } from '@react-three/drei';
import type { AssetDefinition, TagDefinition } from '../../../core/asset/schema';
import type { SceneComponent } from './bind-components';
import type { LabelLayout } from './model/scene-model';
import { displayedFreshness, displayedSourceAge, formatAge, type Freshness } from '../state/tag-freshness';
import { useLabelSpread } from './use-label-spread';
import { isAbnormal, labelTagIndices } from './label-rows';
import { SCENE_LAYERS } from './scene-layers';
import { onDisplayedDataChange } from './displayed-data-change';
import { useTranslation } from 'react-i18next';
import { i18n } from '../i18n/i18n';
import { localizeAsset } from '../i18n/localize-asset';
import { formatDecimals, withUnit } from '../i18n/number-format';

/** Formats a live value with the tag's decimals and unit; switches read as words. */
export function formatValue(tag: TagDefinition, v: number): string {
  if (!Number.isFinite(v)) return `— ${tag.unit === 'bool' ? '' : tag.unit}`.trim();
  if (tag.unit === 'bool') return v >= 0.5 ? i18n.t('scene:on') : i18n.t('scene:off');
  return withUnit(formatDecimals(v, tag.decimals), tag.unit);
}

/** The word beside a value whose live source is not fresh; empty when it is. */
function freshnessFlag(freshness: Freshness, tagId: string): string {
  switch (freshness) {
    case 'stale': {
      const age = displayedSourceAge(tagId);
      return age === null ? i18n.t('scene:stale') : i18n.t('scene:staleAge', { age: formatAge(age) });
    }
    case 'never':
      return i18n.t('scene:noData');
    case 'bad-at-source':
      return i18n.t('scene:badAtSource');
    case 'uncertain':
      return i18n.t('scene:uncertain');
    case 'fresh':
      return '';
  }
}

/** The DOM of one label row, rewritten when the data does: which tag it shows changes when another gets worse. */
interface RowElements {
  row: HTMLDivElement | null;
  instrument: HTMLSpanElement | null;
  value: HTMLSpanElement | null;
  flag: HTMLSpanElement | null;
}

/**
 * Floating name + key-value labels, with leader lines to the parts; each shows its part's key tags, or its
 * worst tag in their place when that one is further from normal. Rows are rewritten through refs at the data
 * rate (at most 4 Hz), not per frame: their text is DOM, so it needs no 3D frame.
 */
export function ComponentLabels({
  comps,
  asset,
  layout,
  hidden = false,
}: {
  comps: SceneComponent[];
  asset: AssetDefinition;
  layout: LabelLayout;
  /** Kept mounted but not shown (the split view hides the HTML by CSS, the leader lines here). */
  hidden?: boolean;
}) {
  const rowEls = useRef<RowElements[]>([]);
  const { i18n: active } = useTranslation();
  const names = useMemo(
    () => new Map(localizeAsset(asset, active.language).components.map((c) => [c.id, c.name])),
    [asset, active.language],
  );

  const items = useMemo(() => {
    const tagIndex = new Map(asset.tags.map((t, i) => [t.id, i]));
    let slot = 0;
    return comps.map((c) => {
      const o = layout.anchors[c.id] ?? [c.top.x, c.top.y + 0.3, c.top.z];
      const ids = layout.tags[c.id]?.filter((id) => tagIndex.has(id)) ?? c.tags.slice(0, 2).map((t) => t.id);
      const keys = ids.map((id) => tagIndex.get(id) ?? -1);
      const slots = keys.map(() => slot++);
      const anchor = new THREE.Vector3(o[0], o[1], o[2]);
      return { c, keys, slots, anchor };
    });
  }, [comps, asset, layout]);

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

  const placed = useLabelSpread(items, leaders);

  useEffect(
    () =>
      onDisplayedDataChange(() => {
        const latest = displayValues();
        for (const { c, keys, slots } of items) {
          const shown = labelTagIndices(keys, c.tagIndices, asset.tags, latest);
          slots.forEach((slot, j) => {
            const el = rowEls.current[slot];
            const index = shown[j] ?? -1;
            const tag = asset.tags[index];
            if (!el?.row || !tag) return;
            const freshness = displayedFreshness(index, tag.id);
            const value = freshness === 'bad-at-source' ? Number.NaN : (latest[index] ?? Number.NaN);
            if (el.instrument) el.instrument.textContent = tag.instrument;
            if (el.value) el.value.textContent = formatValue(tag, value);
            if (el.flag) el.flag.textContent = freshnessFlag(freshness, tag.id);
            if (el.row.dataset.freshness !== freshness) el.row.dataset.freshness = freshness;
            el.row.toggleAttribute('data-abnormal', isAbnormal(tag, value));
          });
        }
      }),
    [items, asset],
  );
  const rowRef = (slot: number, part: keyof RowElements) => (el: HTMLElement | null) => {
    const row = (rowEls.current[slot] ??= { row: null, instrument: null, value: null, flag: null });
    (row[part] as HTMLElement | null) = el;
  };

  return (
    <>
      <primitive object={leaders} visible={!hidden} />
      {items.map(({ c, keys, slots, anchor }) => (
        <Html
          key={c.id}
          position={anchor}
          pointerEvents="none"
          zIndexRange={[...SCENE_LAYERS.labels]}
          calculatePosition={placed.positionOf(c.id)}
        >
          <div className="twin-label" data-testid={`label-${c.id}`} ref={placed.measure(c.id)}>
            <div className="twin-label-name">{names.get(c.id) ?? c.name}</div>
            {slots.map((slot, j) => (
              <div className="twin-label-row" key={slot} ref={rowRef(slot, 'row')}>
                <span className="twin-label-instr" ref={rowRef(slot, 'instrument')}>
                  {asset.tags[keys[j] ?? -1]?.instrument}
                </span>
                <span className="twin-label-value" ref={rowRef(slot, 'value')}>
                  —
                </span>
                <span className="twin-label-flag" ref={rowRef(slot, 'flag')} />
              </div>
            ))}
          </div>
        </Html>
      ))}
    </>
  );
}
