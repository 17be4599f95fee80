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

/** The overrides that name one of this asset's connections (several assets may share one command line). */
export function overridesFor(
  asset: AssetDefinition,
  overrides: Readonly<Record<string, string>>,
): Record<string, string> {
  const own = new Set(asset.sources?.connections.map((c) => c.id) ?? []);
  return Object.fromEntries(Object.entries(overrides).filter(([name]) => own.has(name)));
}

/** Throws naming an override that no asset has a connection for (a typo must not pass silently). */
export function checkOverridesUsed(
  overrides: Readonly<Record<string, string>>,
  assets: readonly AssetDefinition[],
): void {
  for (const name of Object.keys(overrides)) {
    if (assets.some((a) => a.sources?.connections.some((c) => c.id === name))) continue;
    const known = assets.flatMap((a) => a.sources?.connections.map((c) => `${a.id}/${c.id}`) ?? []);
    throw new Error(
      `--connection ${name}=…: no asset given has a connection "${name}"${known.length ? `; they have: ${known.join(', ')}` : ' (none has live sources)'}`,
    );
  }
}
