import { parseAssetArgs } from '../services/asset-args';

export interface WebOptions {
  host: string;
  port: number;
  assetPath?: string;
  /** `--connection name=url`: live-source addresses that replace the asset file's. */
  connectionOverrides: Record<string, string>;
  /** Further `--asset` files, run at once in the background. */
  moreAssetPaths?: string[];
  speed?: number;
  /** Opt-in to listening on a non-loopback address. */
  allowRemote?: boolean;
  /** Serve HTTPS with a self-signed certificate from the data folder. */
  tls?: boolean;
  /** A TLS-terminating proxy is in front: plain HTTP here is accepted for a non-loopback address. */
  behindProxy?: boolean;
  /** Extra names (host or host:port) the browser may use to reach the server, e.g. the proxy's public name. */
  publicHosts?: string[];
}

/**
 * Parses `--port N`, `--host H`, `--asset FILE`, `--connection name=url` (repeatable), `--speed X`, `--allow-remote`, `--tls`, `--behind-proxy` and
 * `--public-host H` (repeatable); TWINSCAPE_PORT / TWINSCAPE_HOST as defaults.
 */
export function parseWebOptions(
  argv: readonly string[],
  env: Record<string, string | undefined>,
): WebOptions {
  const { assetPath, connectionOverrides, moreAssetPaths } = parseAssetArgs(argv);
  const options: WebOptions = {
    host: env.TWINSCAPE_HOST ?? '127.0.0.1',
    port: Number(env.TWINSCAPE_PORT ?? 5190),
    ...(assetPath ? { assetPath } : {}),
    ...(moreAssetPaths.length > 0 ? { moreAssetPaths } : {}),
    connectionOverrides,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    const need = () => {
      if (value === undefined) throw new Error(`${flag} needs a value`);
      i++;
      return value;
    };
    if (flag === '--port') options.port = Number(need());
    else if (flag === '--host') options.host = need();
    else if (flag === '--asset' || flag === '--connection') need();
    else if (flag === '--speed') options.speed = Number(need());
    else if (flag === '--allow-remote') options.allowRemote = true;
    else if (flag === '--tls') options.tls = true;
    else if (flag === '--behind-proxy') options.behindProxy = true;
    else if (flag === '--public-host') options.publicHosts = [...(options.publicHosts ?? []), need()];
  }
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535)
    throw new Error(`port must be an integer 0-65535, got "${options.port}"`);
  if (options.speed !== undefined && !(options.speed >= 1 && options.speed <= 1000))
    throw new Error(`speed must be between 1 and 1000, got "${options.speed}"`);
  return options;
}
