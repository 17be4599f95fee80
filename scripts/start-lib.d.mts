export type Availability = { ok: true } | { ok: false; reason: 'not-downloaded' | 'no-display' };
export type FallbackReason = 'not-downloaded' | 'no-display' | 'electron-crashed';

export function parseStartArgs(argv: readonly string[]): { web: boolean; forward: string[] };
export function locateElectron(opts: {
  electronDir: string;
  readFile: (path: string) => string;
  env: Record<string, string | undefined>;
}): string | null;
export function electronAvailability(opts: {
  electronPath: string | null;
  exists: (path: string) => boolean;
  env: Record<string, string | undefined>;
  platform: string;
}): Availability;
export function electronFailedEarly(opts: {
  code: number | null;
  signal: string | null;
  elapsedMs: number;
  stoppedByUser: boolean;
  graceMs?: number;
}): boolean;
export function fallbackMessage(reason: FallbackReason, detail?: string): string;
export function newestMtime(paths: readonly string[]): number;
export function isBuildStale(opts: {
  outputMtimes: readonly (number | null)[];
  newestSource: number;
}): boolean;
export function requiredOutputs(web: boolean): string[];
export const SOURCE_PATHS: readonly string[];
