import { displayValues } from '../state/display-values';
import * as THREE from 'three';
import { useMemo, useRef } from 'react';
import { Html } from '@react-three/drei';
import { useFrame } from '@react-three/fiber';
import type { AssetDefinition, TagDefinition } from '../../../core/asset/schema';
import type { SceneComponent } from './bind-components';
import type { LabelLayout } from './model/scene-model';
import { displayedFreshness, displayedSourceAge, formatAge, type Freshness } from '../state/tag-freshness';
import { useLabelSpread } from './use-label-spread';

const UPDATE_S = 0.25;

/** Formats a live value with the tag's decimals and unit; switches read as words. */
export function formatValue(tag: TagDefinition, v: number): string {
  if (!Number.isFinite(v)) return `— ${tag.unit === 'bool' ? '' : tag.unit}`.trim();
  if (tag.unit === 'bool') return v >= 0.5 ? 'ON' : 'OFF';
  return `${v.toFixed(tag.decimals)} ${tag.unit}`;
}

/** The word beside a value whose live source is not fresh; empty when it is. */
function freshnessFlag(freshness: Freshness, tagId: string): string {
  switch (freshness) {
    case 'stale': {
      const age = displayedSourceAge(tagId);
      return age === null ? 'stale' : `stale ${formatAge(age)}`;
    }
    case 'never':
      return 'no data';
    case 'bad-at-source':
      return 'bad at source';
    case 'uncertain':
      return 'uncertain';
    case 'fresh':
      return '';
  }
}

interface Row {
  index: number;
  tag: TagDefinition;
}

/** Floating name + key-value labels, with leader lines to the parts; values refresh at 4 Hz via refs. */
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
  const spans = useRef<(HTMLSpanElement | null)[]>([]);
  const flags = useRef<(HTMLSpanElement | null)[]>([]);
  const timer = useRef(UPDATE_S);

  const items = useMemo(() => {
    const tagIndex = new Map(asset.tags.map((t, i) => [t.id, i]));
    let slot = 0;
    return comps.map((c) => {
      const o = layout.anchors[c.id] ?? [c.top.x, c.top.y + 0.3, c.top.z];
      const ids = layout.tags[c.id]?.filter((id) => tagIndex.has(id)) ?? c.tags.slice(0, 2).map((t) => t.id);
      const rows: (Row & { slot: number })[] = ids.map((id) => {
        const index = tagIndex.get(id) ?? -1;
        return { index, tag: asset.tags[index]!, slot: slot++ };
      });
      const anchor = new THREE.Vector3(o[0], o[1], o[2]);
      return { c, rows, anchor };
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

  useFrame((_, dt) => {
    timer.current += dt;
    if (timer.current < UPDATE_S) return;
    timer.current = 0;
    const latest = displayValues();
    for (const { rows } of items) {
      for (const r of rows) {
        const el = spans.current[r.slot];
        const flag = flags.current[r.slot];
        const freshness = displayedFreshness(r.index, r.tag.id);
        const value = freshness === 'bad-at-source' ? Number.NaN : (latest[r.index] ?? Number.NaN);
        if (el) el.textContent = formatValue(r.tag, value);
        if (flag) {
          flag.textContent = freshnessFlag(freshness, r.tag.id);
          if (flag.parentElement && flag.parentElement.dataset.freshness !== freshness)
            flag.parentElement.dataset.freshness = freshness;
        }
      }
    }
  });

  return (
    <>
      <primitive object={leaders} visible={!hidden} />
      {items.map(({ c, rows, anchor }) => (
        <Html
          key={c.id}
          position={anchor}
          pointerEvents="none"
          zIndexRange={[15, 5]}
          calculatePosition={placed.positionOf(c.id)}
        >
          <div className="twin-label" data-testid={`label-${c.id}`} ref={placed.measure(c.id)}>
            <div className="twin-label-name">{c.name}</div>
            {rows.map((r) => (
              <div className="twin-label-row" key={r.tag.id}>
                <span className="twin-label-instr">{r.tag.instrument}</span>
                <span
                  className="twin-label-value"
                  ref={(el) => {
                    spans.current[r.slot] = el;
                  }}
                >
                  —
                </span>
                <span
                  className="twin-label-flag"
                  ref={(el) => {
                    flags.current[r.slot] = el;
                  }}
                />
              </div>
            ))}
          </div>
        </Html>
      ))}
    </>
  );
}
