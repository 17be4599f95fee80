import { AuditStore } from './audit-store';

/**
 * The audit trail in the data folder; when its file cannot be opened (another Twinscape holds it, no space),
 * a trail in memory for this run, with the reason on stderr, so that the plant stays controllable.
 */
export async function openAuditStore(dataDir: string): Promise<AuditStore> {
  try {
    return await AuditStore.open(dataDir);
  } catch (e) {
    console.error(`Twinscape: ${(e as Error).message}; keeping this run's audit trail in memory only.`);
    return AuditStore.openInMemory();
  }
}
