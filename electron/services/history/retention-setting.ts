import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import nodePath from 'node:path';

/** History settings the user changed, kept next to the stores. */
const settingsPath = (dataDir: string) => nodePath.join(dataDir, 'history', 'settings.json');

export function savedRetentionDays(dataDir: string): number | null {
  try {
    const saved = (JSON.parse(readFileSync(settingsPath(dataDir), 'utf8')) as { retentionDays?: unknown })
      .retentionDays;
    return typeof saved === 'number' && Number.isInteger(saved) && saved >= 1 ? saved : null;
  } catch {
    return null;
  }
}

/** Saves the raw-retention period the user chose. */
export function saveRetentionDays(dataDir: string, rawDays: number): void {
  const file = settingsPath(dataDir);
  mkdirSync(nodePath.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify({ retentionDays: rawDays }, null, 2));
}
