import type {
  AssetDefinition,
  ComponentDefinition,
  ControlDefinition,
  TagDefinition,
} from '../../../../core/asset/schema';

export interface TagEntry {
  tag: TagDefinition;
  /** Index of the tag in the asset (and telemetry ring). */
  index: number;
}

export interface TagGroup {
  /** Component id, or "" for tags no component lists. */
  id: string;
  name: string;
  kind: ComponentDefinition['kind'] | 'other';
  tags: TagEntry[];
}

/** Tags grouped by the component that lists them, in asset order; unlisted tags go to "Other". */
export function groupTagsByComponent(asset: AssetDefinition): TagGroup[] {
  const indexById = new Map(asset.tags.map((t, i) => [t.id, i] as const));
  const claimed = new Set<string>();
  const groups: TagGroup[] = [];
  for (const c of asset.components) {
    const tags: TagEntry[] = [];
    for (const id of c.tags) {
      const index = indexById.get(id);
      const tag = index === undefined ? undefined : asset.tags[index];
      if (tag === undefined || index === undefined || claimed.has(id)) continue;
      claimed.add(id);
      tags.push({ tag, index });
    }
    if (tags.length > 0) groups.push({ id: c.id, name: c.name, kind: c.kind, tags });
  }
  const rest = asset.tags.flatMap((tag, index) => (claimed.has(tag.id) ? [] : [{ tag, index }]));
  if (rest.length > 0) groups.push({ id: '', name: 'Other', kind: 'other', tags: rest });
  return groups;
}

/** Tags of one component with their ring indices. */
export function componentTags(asset: AssetDefinition, componentId: string): TagEntry[] {
  const component = asset.components.find((c) => c.id === componentId);
  if (!component) return [];
  return component.tags.flatMap((id) => {
    const index = asset.tags.findIndex((t) => t.id === id);
    const tag = asset.tags[index];
    return tag ? [{ tag, index }] : [];
  });
}

const words = (s: string): string[] =>
  s
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 2 && w !== 'setpoint');

/**
 * The tag that measures what a control sets (e.g. "Valve opening" → valve position), or null.
 * Same unit is required; a unique unit match wins, otherwise shared words decide, and a
 * measured value ("position") is preferred over an echoed command.
 */
export function actualTagForControl(asset: AssetDefinition, control: ControlDefinition): TagEntry | null {
  const candidates = asset.tags.flatMap((tag, index) => (tag.unit === control.unit ? [{ tag, index }] : []));
  if (candidates.length === 0) return null;
  if (candidates.length === 1) return candidates[0] ?? null;
  const controlWords = new Set([...words(control.id), ...words(control.name)]);
  let best: TagEntry | null = null;
  let bestScore = 0;
  for (const c of candidates) {
    const tagWords = new Set([...words(c.tag.id), ...words(c.tag.name)]);
    let score = 0;
    for (const w of tagWords) if (controlWords.has(w)) score += 2;
    if (score > 0 && tagWords.has('command')) score -= 1;
    if (score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}

/** The measured tag that follows a control and its latest value (NaN while none), or null. */
export function controlReadback(
  asset: AssetDefinition,
  control: ControlDefinition,
  latest: ArrayLike<number>,
): { tag: TagDefinition; value: number } | null {
  const entry = actualTagForControl(asset, control);
  return entry ? { tag: entry.tag, value: latest[entry.index] ?? Number.NaN } : null;
}
