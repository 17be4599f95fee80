/** Which column of a data file feeds which tag of an asset, when the user names none. */
import type { AssetDefinition } from '../../core/asset/schema';

/** Names a column may have for a tag: its id, instrument tag, name, and the key its live source reads. */
function namesOf(asset: AssetDefinition): Map<string, string> {
  const names = new Map<string, string>();
  const add = (name: string, tagId: string) => {
    const key = name.trim().toLowerCase();
    if (key !== '' && !names.has(key)) names.set(key, tagId);
  };
  for (const t of asset.tags) add(t.id, t.id);
  for (const t of asset.tags) add(t.instrument, t.id);
  for (const t of asset.tags) add(t.name, t.id);
  for (const b of asset.sources?.bindings ?? []) {
    const last = b.value?.split('/').at(-1)?.replaceAll('~1', '/').replaceAll('~0', '~');
    if (last) add(last, b.tag);
  }
  return names;
}

/**
 * Column → tag id. `explicit` ("col=tag,col=tag", from --map) wins; otherwise each column whose name is a
 * tag's id, instrument tag, name or live-source key (case-insensitive) feeds that tag. Throws naming an
 * explicit column or tag that does not exist, or a file where no column matches a tag.
 */
export function mapColumns(
  asset: AssetDefinition,
  columns: readonly string[],
  explicit?: string,
): Record<string, string> {
  if (explicit !== undefined) {
    const mapping: Record<string, string> = {};
    for (const pair of explicit.split(',')) {
      const [column, tagId] = pair.split('=').map((s) => s.trim());
      if (!column || !tagId) throw new Error(`--map: "${pair}" is not column=tag`);
      if (!columns.includes(column))
        throw new Error(`--map: the file has no column "${column}" (columns: ${columns.join(', ')})`);
      if (!asset.tags.some((t) => t.id === tagId))
        throw new Error(`--map: asset ${asset.id} has no tag "${tagId}"`);
      mapping[column] = tagId;
    }
    return mapping;
  }
  const names = namesOf(asset);
  const mapping: Record<string, string> = {};
  const taken = new Set<string>();
  for (const column of columns) {
    const tagId = names.get(column.trim().toLowerCase());
    if (tagId && !taken.has(tagId)) {
      mapping[column] = tagId;
      taken.add(tagId);
    }
  }
  if (taken.size === 0)
    throw new Error(
      `no column of the file (${columns.join(', ')}) names a tag of asset ${asset.id} by id, instrument ` +
        `tag, name or source key; map them with --map column=tag,…`,
    );
  return mapping;
}

const TIME_COLUMNS = ['timestamp', 'datetime', 'time', 'ts', 'date'];

/** The timestamp column: `explicit`, else the first column named like a time, else the first column. */
export function timeColumn(columns: readonly string[], explicit?: string): string {
  if (explicit !== undefined) {
    if (!columns.includes(explicit))
      throw new Error(`--time-column: the file has no column "${explicit}" (columns: ${columns.join(', ')})`);
    return explicit;
  }
  return columns.find((c) => TIME_COLUMNS.includes(c.trim().toLowerCase())) ?? columns[0]!;
}
