import type { createFleetHandlers } from '../../../electron/services/handlers/fleet';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BackendContext } from '../../../electron/services/backend-context';

const disposers: (() => unknown)[] = [];
const dataDirs: string[] = [];

/**
 * A backend context for the fleet handlers: this checkout as the app root (assets/, models/) and a fresh
 * temporary data folder (or `dataDir`, to see what an earlier handler set stored there).
 */
export function fleetContext(dataDir?: string): BackendContext & { dataDir: string } {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'twinscape-fleet-'));
  if (!dataDir) dataDirs.push(dir);
  return {
    appRoot: process.cwd(),
    dataDir: dir,
    onDispose: (fn: () => unknown) => disposers.push(fn),
  } as unknown as BackendContext & { dataDir: string };
}

/** Closes the fleet stores the handlers opened (as the backend does on exit). */
export async function disposeFleetStores(): Promise<void> {
  for (const d of disposers.splice(0)) await d();
}

/** For afterEach: closes the stores and deletes the temporary data folders. */
export async function cleanUpFleetContexts(): Promise<void> {
  await disposeFleetStores();
  for (const d of dataDirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** Sends a C-MAPSS file to the fleet handlers in the chunks they ask for; returns the import id to commit. */
export async function uploadCmapss(
  handlers: ReturnType<typeof createFleetHandlers>,
  fileName: string,
  text: string,
): Promise<string> {
  const { importId, chunkChars } = await handlers.importCmapssBegin({ fileName, size: text.length });
  for (let i = 0; i * chunkChars < text.length; i++)
    await handlers.importCmapssChunk({
      importId,
      index: i,
      text: text.slice(i * chunkChars, (i + 1) * chunkChars),
    });
  return importId;
}

/** One C-MAPSS row: unit, cycle, 3 settings and 21 sensors. */
export const cmapssRow = (unit: number, cycle: number): string =>
  `${unit} ${cycle} ${Array(24).fill('0.5').join(' ')}`;
