// No user-visible English (or Chinese) written inline in the folders whose strings moved to renderer/src/i18n/.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findLiterals } from './jsx-literals';

const RENDERER = 'renderer/src';

/** Folders whose .tsx files read every user-visible text from i18n; a new string there fails this test. */
const TRANSLATED = [
  'App.tsx',
  'main.tsx',
  'shell',
  'scene',
  'ui',
  'features/connections',
  'features/fleet',
  'features/history',
  'features/live',
  'features/model-versions',
  'features/trainer',
  'features/whatif',
];

/** Folders still holding inline English, to be moved into TRANSLATED one by one (none left). */
const REMAINING: string[] = [];

function tsxFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return path.endsWith('.tsx') ? [path] : [];
  return readdirSync(path).flatMap((name) => tsxFiles(join(path, name)));
}

const covered = (list: string[]) => new Set(list.flatMap((p) => tsxFiles(join(RENDERER, p))));

describe('user-visible string literals in JSX', () => {
  it.each(TRANSLATED)('%s has none: every text goes through i18n', (folder) => {
    const literals = tsxFiles(join(RENDERER, folder)).flatMap((file) =>
      findLiterals(file, readFileSync(file, 'utf8')),
    );
    expect(literals.map((l) => `${l.file}:${l.line}: ${l.text}`)).toEqual([]);
  });

  it('knows every .tsx file as translated or remaining, so a new file cannot slip past', () => {
    const known = new Set([...covered(TRANSLATED), ...covered(REMAINING)]);
    const unknown = tsxFiles(RENDERER).filter((f) => !known.has(f));
    expect(unknown.map((f) => relative(RENDERER, f))).toEqual([]);
    const left = REMAINING.filter((p) => covered([p]).size > 0);
    console.info(`i18n: ${TRANSLATED.length} folders translated; still inline: ${left.join(', ')}`);
  });

  it('finds the literals a user would read, and passes units, keys and i18n calls', () => {
    const source = `
      const A = () => (
        <div title="Reset camera" aria-label={t('x.y')}>
          Labels <kbd>L</kbd> {ok ? 'Connected' : t('a')} {mode === 'tag' && 'Tag'} {value} m³/h <span title={\`\${n} alarms\`} />
        </div>
      );`;
    expect(findLiterals('a.tsx', source).map((l) => l.text)).toEqual([
      'Reset camera',
      'Labels',
      'Connected',
      'Tag',
      'alarms',
    ]);
  });
});
