// Run in a child process with a small heap by cmapss-limits.test.ts: sends a C-MAPSS file of 120,000
// one-row engines through the fleet import handlers and prints the refusal (or "accepted") as JSON.
import { createFleetHandlers } from '../../../electron/services/handlers/fleet';
import { cleanUpFleetContexts, fleetContext } from './fleet-context';

const row = (unit: number) => `${unit} 1 ${Array(24).fill('0.5').join(' ')}`;
const text = Array.from({ length: 120_000 }, (_, i) => row(i + 1)).join('\n');
const handlers = createFleetHandlers(fleetContext());
const { importId, chunkChars } = await handlers.importCmapssBegin({
  fileName: 'train_FD001.txt',
  size: text.length,
});
for (let i = 0; i * chunkChars < text.length; i++)
  await handlers.importCmapssChunk({
    importId,
    index: i,
    text: text.slice(i * chunkChars, (i + 1) * chunkChars),
  });
let outcome: { refused: string | null; heapMb: number };
try {
  await handlers.importCmapssCommit({ importId });
  outcome = { refused: null, heapMb: process.memoryUsage().heapUsed / 2 ** 20 };
} catch (e) {
  outcome = { refused: (e as Error).message, heapMb: process.memoryUsage().heapUsed / 2 ** 20 };
}
await cleanUpFleetContexts();
console.log(JSON.stringify(outcome));
