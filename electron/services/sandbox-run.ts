import type { SandboxRun } from '../../core/api/types';

/** Simulated start of every sandbox run: the clock scenarios are written against, so a seed replays exactly. */
export const SANDBOX_EPOCH = Date.UTC(2026, 0, 1);

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40) || 'run';

/** A run id that sorts by start and is a safe file name: 2026-05-04T10-11-12-345Z-cavitation-after-the… */
export function newSandboxRun(kind: SandboxRun['kind'], title: string, wallNow: number): SandboxRun {
  const stamp = new Date(wallNow).toISOString().replace(/[:.]/g, '-');
  return { id: `${stamp}-${slug(title)}`, kind, title };
}
