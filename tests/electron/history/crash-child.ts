// Run by crash.test.ts through vite-node: appends samples with unique, contiguous ids (ts = T0 + id s)
// and prints "C <id>" after each commit: every id from the start id up to <id> is then durable.
import { HistoryStore } from '../../../electron/services/history';
import { pumpSkid } from './helpers';

const [file, startArg] = process.argv.slice(2);
const T0 = Date.UTC(2024, 0, 1);
const asset = pumpSkid();
let next = Number(startArg);
const store = await HistoryStore.open({
  path: file as string,
  asset,
  flushIntervalMs: 15,
  onCommit: (c) => {
    if (c.lastTs !== null) process.stdout.write(`C ${(c.lastTs - T0) / 1000}\n`);
  },
});
process.stdout.write(`ready ${store.problems.map((p) => p.kind).join(',')}\n`);
const tick = () => {
  const n = 1 + Math.floor(Math.random() * 40);
  const t = Array.from({ length: n }, (_, i) => T0 + (next + i) * 1000);
  const values = asset.tags.map((_, k) => t.map((_, i) => (k === 0 ? next + i : k)));
  const quality = asset.tags.map(() => t.map(() => 0));
  store.append({ assetId: asset.id, t, values, quality });
  next += n;
  setTimeout(tick, Math.random() * 5);
};
tick();
