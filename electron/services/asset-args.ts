import { parseConnectionOverride } from '../../core/asset/connection-overrides';

export interface AssetArgs {
  /** The first `--asset`: the asset shown at start. */
  assetPath?: string;
  /** Every further `--asset`: run at once, in the background (the asset switcher shows them). */
  moreAssetPaths: string[];
  /** `--connection name=url`, repeatable: live-source addresses that replace the asset file's. */
  connectionOverrides: Record<string, string>;
}

/**
 * Reads `--asset FILE` (repeatable: the first is shown, the others run in the background) and
 * `--connection name=url` from the command line (desktop app and web mode alike).
 */
export function parseAssetArgs(argv: readonly string[]): AssetArgs {
  const args: AssetArgs = { connectionOverrides: {}, moreAssetPaths: [] };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag !== '--asset' && flag !== '--connection') continue;
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--')) throw new Error(`${flag} needs a value`);
    i++;
    if (flag === '--asset') {
      if (args.assetPath === undefined) args.assetPath = value;
      else args.moreAssetPaths.push(value);
    } else {
      const { name, url } = parseConnectionOverride(value);
      if (name in args.connectionOverrides) throw new Error(`--connection ${name}=… is given twice`);
      args.connectionOverrides[name] = url;
    }
  }
  return args;
}
