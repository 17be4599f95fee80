import type { IncomingMessage } from 'node:http';
import os from 'node:os';
import type { Role } from '../../core/api/roles';
import { cookieToken, queryToken, roleForToken, type AccessTokens } from './token';

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/** True for addresses only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}

const bracketed = (host: string) => (host.includes(':') && !host.startsWith('[') ? `[${host}]` : host);

/**
 * The `host:port` values a request's Host header may carry: the loopback names, the address the server was
 * bound to (for a wildcard bind, this machine's name and interface addresses) and any `--public-host`.
 * Anything else is a DNS-rebinding or misdirected request.
 */
export function allowedHostHeaders(
  bindHost: string,
  port: number,
  publicHosts: readonly string[] = [],
): Set<string> {
  const names = [...LOOPBACK_NAMES];
  if (bindHost === '0.0.0.0' || bindHost === '::') {
    names.push(os.hostname());
    for (const list of Object.values(os.networkInterfaces()))
      for (const info of list ?? []) names.push(bracketed(info.address));
  } else names.push(bracketed(bindHost));
  const allowed = new Set(names.map((n) => `${n}:${port}`.toLowerCase()));
  for (const h of publicHosts) {
    allowed.add(h.toLowerCase());
    if (!/:\d+$/.test(h)) allowed.add(`${h}:${port}`.toLowerCase());
  }
  return allowed;
}

/** An Origin whose host is one of the allowed ones (not merely equal to the request's own Host header). */
export function isAllowedOrigin(origin: string | undefined, allowed: ReadonlySet<string>): boolean {
  if (!origin) return false;
  try {
    const url = new URL(origin);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
    const port = url.port || (url.protocol === 'https:' ? '443' : '80');
    return allowed.has(url.host.toLowerCase()) || allowed.has(`${url.hostname}:${port}`.toLowerCase());
  } catch {
    return false;
  }
}

export interface AccessPolicy {
  tokens: AccessTokens;
  port: number;
  allowedHosts: ReadonlySet<string>;
}

export type AccessDecision =
  { ok: true; role: Role; presentedInQuery: string | null } | { ok: false; reason: string };

/**
 * Whether a request may reach the app or the API: an allowed Host, an allowed Origin when it names one (always
 * for a WebSocket upgrade), and a valid token in `?token=` or in this server's cookie.
 */
export function authorizeRequest(
  req: IncomingMessage,
  policy: AccessPolicy,
  kind: 'http' | 'websocket',
): AccessDecision {
  const host = (req.headers.host ?? '').toLowerCase();
  if (!policy.allowedHosts.has(host))
    return { ok: false, reason: `Host "${req.headers.host ?? ''}" is not an address of this server` };
  const origin = req.headers.origin;
  if ((origin !== undefined || kind === 'websocket') && !isAllowedOrigin(origin, policy.allowedHosts))
    return { ok: false, reason: `Origin "${origin ?? '(none)'}" is not a page of this server` };
  const presentedInQuery = queryToken(req);
  const presented = presentedInQuery ?? cookieToken(req, policy.port);
  const role = roleForToken(policy.tokens, presented);
  if (!role)
    return {
      ok: false,
      reason: presented
        ? 'the access token is not valid (a new one is made at every start: open the address the server printed)'
        : 'an access token is needed: open the address the server printed (it ends in ?token=…)',
    };
  return { ok: true, role, presentedInQuery };
}
