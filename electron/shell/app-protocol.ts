import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve } from 'node:path';
import { contentSecurityPolicy } from '../security/csp';
import { APP_HOST, APP_SCHEME } from './app-origin';

/** Folders app:// serves: /models/… from `modelsDir`, every other path from `rendererDir`. */
export interface AppFolders {
  /** dist/renderer (index.html, assets, wasm). */
  rendererDir: string;
  /** The trained models, which the renderer fetches from app://twinscape/models/. */
  modelsDir: string;
}

const MODELS_PREFIX = '/models/';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.bin': 'application/octet-stream',
  '.glb': 'model/gltf-binary',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Registers app:// as a standard, secure scheme that may use fetch (models, wasm) and module workers.
 * Electron requires this before the app is ready.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

/** Serves app:// from the app's own folders (call once the app is ready). */
export function serveAppProtocol(folders: AppFolders): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(folders));
}

/**
 * The file an app:// URL names, or null when it names none we serve: another host, a malformed escape, a `..`
 * segment (also when written %2e%2e or behind an encoded slash), a backslash, a NUL, or anything that would resolve
 * outside its folder.
 */
export function resolveAppFile(url: string, folders: AppFolders): string | null {
  let parsed: URL;
  let path: string;
  try {
    parsed = new URL(url);
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  if (path.includes('\\') || path.includes('\0')) return null;
  if (path.split('/').some((segment) => segment === '..' || segment.includes(':'))) return null;
  const inModels = path.startsWith(MODELS_PREFIX);
  const root = inModels ? folders.modelsDir : folders.rendererDir;
  const inside = inModels ? path.slice(MODELS_PREFIX.length) : path.replace(/^\/+/, '') || 'index.html';
  const file = resolve(root, inside);
  const fromRoot = relative(root, file);
  if (fromRoot === '' || fromRoot.startsWith('..') || isAbsolute(fromRoot)) return null;
  return file;
}

function notFound(): Response {
  return new Response('not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

/** The protocol handler: GET/HEAD of a confined file, with its content type and the renderer's CSP. */
export function createAppRequestHandler(folders: AppFolders): (request: Request) => Promise<Response> {
  const csp = contentSecurityPolicy();
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 });
    const file = resolveAppFile(request.url, folders);
    if (file === null) return notFound();
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return notFound();
    }
    const headers = {
      'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Security-Policy': csp,
      'X-Content-Type-Options': 'nosniff',
    };
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  };
}
