/**
 * Counts the texts of the window in English, per namespace, for docs/i18n.md's status (every key, each plural
 * form on its own; every other language has the same keys, which tests/renderer/i18n/completeness.test.ts checks).
 *
 *   npx vite-node scripts/i18n-keys.ts
 */
import { resources } from '../renderer/src/i18n/resources';

function count(tree: unknown): number {
  if (typeof tree === 'string') return 1;
  if (!tree || typeof tree !== 'object') throw new Error(`not a text or a group of texts: ${String(tree)}`);
  return Object.values(tree).reduce((sum: number, child) => sum + count(child), 0);
}

const rows = Object.entries(resources.en)
  .map(([namespace, texts]) => [namespace, count(texts)] as const)
  .sort((a, b) => b[1] - a[1]);
const total = rows.reduce((sum, [, n]) => sum + n, 0);
console.log(`${total} texts: ${rows.map(([namespace, n]) => `${namespace} ${n}`).join(', ')}`);
