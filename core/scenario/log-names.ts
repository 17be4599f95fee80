import type { AssetDefinition } from '../asset/schema';

/** How the trainer's log names controls, faults and tags: the names the UI shows, values with their unit. */
export interface LogNames {
  /** "Speed setpoint to 40 Hz". */
  controlTo(controlId: string, value: number): string;
  fault(faultId: string): string;
  /** "FT101 Discharge flow". */
  tag(tagId: string): string;
}

const rounded = (value: number) => String(Math.round(value * 100) / 100);

/** Names from the asset; an id the asset does not know is shown as it is. */
export function logNamesOf(asset: Pick<AssetDefinition, 'controls' | 'faults' | 'tags'>): LogNames {
  const controls = new Map(asset.controls.map((c) => [c.id, c]));
  const faults = new Map(asset.faults.map((f) => [f.id, f.name]));
  const tags = new Map(asset.tags.map((t) => [t.id, `${t.instrument} ${t.name}`]));
  return {
    controlTo: (id, value) => {
      const c = controls.get(id);
      return c ? `${c.name} to ${rounded(value)} ${c.unit}` : `${id} to ${rounded(value)}`;
    },
    fault: (id) => faults.get(id) ?? id,
    tag: (id) => tags.get(id) ?? id,
  };
}

/** Ids as they are, for a player without an asset at hand. */
export const ID_LOG_NAMES: LogNames = logNamesOf({ controls: [], faults: [], tags: [] });
