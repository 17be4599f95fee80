import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Role } from '../../core/api/roles';

/** The two per-launch secrets of web mode; the one a session presents decides its role. */
export interface AccessTokens {
  operator: string;
  viewer: string;
}

/** Fresh random tokens (32 bytes each, base64url), made at every start. */
export function createAccessTokens(): AccessTokens {
  return { operator: randomBytes(32).toString('base64url'), viewer: randomBytes(32).toString('base64url') };
}

const sameSecret = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** The role a presented token grants, or null for a wrong or missing one. */
export function roleForToken(tokens: AccessTokens, presented: string | null): Role | null {
  if (!presented) return null;
  if (sameSecret(presented, tokens.operator)) return 'operator';
  if (sameSecret(presented, tokens.viewer)) return 'viewer';
  return null;
}

/** Cookies are not kept apart by port, so each server's cookie carries its port in the name. */
export function tokenCookieName(port: number): string {
  return `twinscape-token-${port}`;
}

/** The token cookie, HttpOnly (page scripts cannot read it) and SameSite=Strict (other sites cannot send it). */
export function tokenCookie(port: number, token: string, secure: boolean): string {
  return `${tokenCookieName(port)}=${token}; Path=/; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}

/** `?token=` of the request's address, or null. */
export function queryToken(req: IncomingMessage): string | null {
  const query = (req.url ?? '').split('?')[1];
  return query ? new URLSearchParams(query).get('token') : null;
}

/** The token cookie of this server, or null. */
export function cookieToken(req: IncomingMessage, port: number): string | null {
  const name = tokenCookieName(port);
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}
