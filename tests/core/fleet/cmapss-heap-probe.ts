// Run in a child process with a small heap by cmapss-limits.test.ts: sends a C-MAPSS file of 120,000
// one-row engines through the fleet import handlers and prints the refusal (or "accepted") as JSON.
import { createFleetHandlers } from '../../../electron/services/handlers/fleet';
import { cleanUpFleetContexts, cmapssRow, fleetContext, uploadCmapss } from './fleet-context';

const text = Array.from({ length: 120_000 }, (_, i) => cmapssRow(i + 1, 1)).join('\n');
const handlers = createFleetHandlers(fleetContext());
const importId = await uploadCmapss(handlers, 'train_FD001.txt', text);
let outcome: { refused: string | null; heapMb: number };
try {
  await handlers.importCmapssCommit({ importId });
  outcome = { refused: null, heapMb: process.memoryUsage().heapUsed / 2 ** 20 };
} catch (e) {
  outcome = { refused: (e as Error).message, heapMb: process.memoryUsage().heapUsed / 2 ** 20 };
}
await cleanUpFleetContexts();
console.log(JSON.stringify(outcome));
