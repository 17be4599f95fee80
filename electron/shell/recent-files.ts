import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';

export const MAX_RECENT = 5;

const recentFilesSchema = z.object({
  schemaVersion: z.literal(1),
  files: z.array(z.string().min(1).max(4096)).max(50),
});

/** Most recent first, no duplicates, at most MAX_RECENT. */
export function addRecent(list: readonly string[], file: string): string[] {
  return [file, ...list.filter((f) => f !== file)].slice(0, MAX_RECENT);
}

export function loadRecentFiles(file: string): string[] {
  try {
    const parsed = recentFilesSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data.files.slice(0, MAX_RECENT) : [];
  } catch {
    return [];
  }
}

export async function saveRecentFiles(file: string, files: readonly string[]): Promise<void> {
  try {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify({ schemaVersion: 1, files }, null, 2));
  } catch (e) {
    console.warn(`Could not save recent files to ${file}: ${(e as Error).message}`);
  }
}
