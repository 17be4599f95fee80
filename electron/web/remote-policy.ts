import { isLoopbackHost } from './access';
import type { WebOptions } from './web-options';

/**
 * Refuses a start that would expose the plant's controls on the network by accident: a non-loopback `--host`
 * needs `--allow-remote`, and then either `--tls` or `--behind-proxy` (a TLS proxy in front).
 */
export function checkRemoteExposure(options: WebOptions): void {
  if (isLoopbackHost(options.host)) return;
  const guide = 'See docs/web-mode-security.md.';
  if (!options.allowRemote)
    throw new Error(
      `refusing to listen on ${options.host}: other machines could reach it. ` +
        `Pass --allow-remote (with --tls or --behind-proxy) to serve the network on purpose. ${guide}`,
    );
  if (!options.tls && !options.behindProxy)
    throw new Error(
      `refusing to serve ${options.host} over plain HTTP: tokens would cross the network in clear. ` +
        `Add --tls (a self-signed certificate in the data folder) or --behind-proxy (a TLS proxy in front). ${guide}`,
    );
}
