import type { AssetDefinition } from './schema';
import { connectionSchema } from './sources-schema';
import { issueProblems } from '../validation/describe-issues';

/** Parses a `--connection name=url` value. */
export function parseConnectionOverride(text: string): { name: string; url: string } {
  const at = text.indexOf('=');
  if (at <= 0 || at === text.length - 1)
    throw new Error(`--connection needs name=url, e.g. "plant-broker=mqtt://10.0.0.5:1883"; got "${text}"`);
  return { name: text.slice(0, at), url: text.slice(at + 1) };
}

/**
 * The asset with the named connections' addresses replaced (for tests, demos and sites), each checked like
 * the file's own; throws naming the connection and what is wrong.
 */
export function applyConnectionOverrides(
  asset: AssetDefinition,
  overrides: Readonly<Record<string, string>>,
): AssetDefinition {
  const names = Object.keys(overrides);
  if (names.length === 0) return asset;
  const { sources } = asset;
  if (!sources)
    throw new Error(`--connection ${names[0]}=…: asset "${asset.id}" has no live sources to connect`);
  const known = new Set(sources.connections.map((c) => c.id));
  for (const name of names)
    if (!known.has(name))
      throw new Error(
        `--connection ${name}=…: asset "${asset.id}" has no connection "${name}"; it has: ${[...known].join(', ')}`,
      );
  const connections = sources.connections.map((c) => {
    const url = overrides[c.id];
    if (url === undefined) return c;
    const checked = connectionSchema.safeParse({ ...c, url });
    if (!checked.success)
      throw new Error(
        `--connection ${c.id}=${url}: ${issueProblems(checked.error)
          .map((p) => p.message)
          .join('; ')}`,
      );
    return checked.data;
  });
  return { ...asset, sources: { ...sources, connections } };
}
