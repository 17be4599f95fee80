import type { InferenceBackend } from './inference-api';

/** Preferred order: the GPU first, then the portable fallbacks. */
export const BACKEND_ORDER: readonly InferenceBackend[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

export function parseBackend(value: string | null | undefined): InferenceBackend | null {
  return BACKEND_ORDER.find((b) => b === value) ?? null;
}

/**
 * Backends to try, in order. A forced backend goes first; when it fails the ones after it in the normal
 * order follow, so a forced "webgpu" on a machine without an adapter still ends on a working backend.
 * Backends that already failed in this session (a lost device) are never retried.
 */
export function backendCandidates(
  forced: InferenceBackend | null,
  failed: ReadonlySet<InferenceBackend> = new Set(),
): InferenceBackend[] {
  const start = forced ? BACKEND_ORDER.indexOf(forced) : 0;
  return BACKEND_ORDER.slice(start).filter((b) => !failed.has(b));
}

/** Short adapter name for the status bar, from WebGPU's GPUAdapterInfo or a WebGL renderer string. */
export function describeAdapter(info: {
  vendor?: string;
  architecture?: string;
  device?: string;
  description?: string;
}): string {
  const text = [info.architecture, info.description, info.device, info.vendor]
    .map((s) => (s ?? '').trim())
    .find((s) => s.length > 0);
  if (!text) return 'unknown adapter';
  return /swiftshader/i.test(text) ? 'swiftshader' : text.toLowerCase();
}

/** The backend forced by a `?backend=` query parameter, else by the saved setting. */
export function forcedBackend(search: string, saved: string | null): InferenceBackend | null {
  const fromQuery = new URLSearchParams(search).get('backend');
  return parseBackend(fromQuery) ?? parseBackend(saved);
}
