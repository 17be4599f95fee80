// Counts the window's texts per namespace (English is the source; the typecheck keeps zh-CN to the same keys):
// the figure docs/i18n.md quotes. Run: npx vite-node scripts/i18n-keys.ts
import { en } from '../renderer/src/i18n/locales/en';

const count = (tree: object): number =>
  Object.values(tree).reduce<number>((n, v) => n + (typeof v === 'string' ? 1 : count(v as object)), 0);

const rows = Object.entries(en)
  .map(([namespace, tree]) => [namespace, count(tree)] as const)
  .sort((a, b) => b[1] - a[1]);
console.log(
  `${rows.reduce((n, [, c]) => n + c, 0)} texts: ${rows.map(([ns, c]) => `${ns} ${c}`).join(', ')}`,
);
