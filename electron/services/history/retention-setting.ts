import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import nodePath from 'node:path';

/** History settings the user changed, kept next to the stores. */
const settingsPath = (dataDir: string) => nodePath.join(dataDir, 'history', 'settings.json');

interface HistorySettings {
  /** Days of raw samples kept in the plant's store. */
  retentionDays?: number;
  /** Days a sandbox run's store is kept. */
  runRetentionDays?: number;
}

function readSettings(dataDir: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(readFileSync(settingsPath(dataDir), 'utf8'));
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function savedDays(dataDir: string, key: keyof HistorySettings): number | null {
  const saved = readSettings(dataDir)[key];
  return typeof saved === 'number' && Number.isInteger(saved) && saved >= 1 ? saved : null;
}

function saveSetting(dataDir: string, key: keyof HistorySettings, days: number): void {
  const file = settingsPath(dataDir);
  mkdirSync(nodePath.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify({ ...readSettings(dataDir), [key]: days }, null, 2));
}

export const savedRetentionDays = (dataDir: string): number | null => savedDays(dataDir, 'retentionDays');

/** Saves the raw-retention period the user chose. */
export const saveRetentionDays = (dataDir: string, rawDays: number): void =>
  saveSetting(dataDir, 'retentionDays', rawDays);

export const savedRunRetentionDays = (dataDir: string): number | null =>
  savedDays(dataDir, 'runRetentionDays');

/** Saves how long sandbox runs are kept. */
export const saveRunRetentionDays = (dataDir: string, days: number): void =>
  saveSetting(dataDir, 'runRetentionDays', days);
