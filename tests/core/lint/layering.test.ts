import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint, Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { layerTable } from '../../../eslint/layering.js';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const eslint = new ESLint({ cwd: repoRoot });

/** Layering messages for a file planted at `filePath` with the repository's own eslint.config.js. */
async function layeringMessages(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'layering/layers').map((m) => m.message);
}

describe('the core layer table', () => {
  it('reports an import from a higher layer, naming both layers', async () => {
    const messages = await layeringMessages(
      [
        "import type { TwinApi } from '../api/twin-api';",
        "export { compareRuns } from '../whatif/compare';",
        "export const later = () => import('../scenario/kpis');",
        'export type Api = TwinApi;',
      ].join('\n'),
      'core/sim/planted.ts',
    );
    expect(messages).toEqual([
      'core/sim (layer 2) must not import core/api (layer 14): imports go only to lower layers.',
      'core/sim (layer 2) must not import core/whatif (layer 12): imports go only to lower layers.',
      'core/sim (layer 2) must not import core/scenario (layer 11): imports go only to lower layers.',
    ]);
  });

  it('reports an import between siblings of one tier', async () => {
    const messages = await layeringMessages("export * from '../data/frame';", 'core/sim/planted.ts');
    expect(messages).toEqual(['core/sim and core/data share layer 2 and must not import each other.']);
  });

  it('accepts imports from lower layers, the same folder and packages', async () => {
    const code = [
      "export { convert } from '../units/units';",
      "export type { ActiveFault } from './types';",
      "export { z } from 'zod';",
    ].join('\n');
    expect(await layeringMessages(code, 'core/sim/planted.ts')).toEqual([]);
  });
});

describe('a second layer table', () => {
  const linter = new Linter({ cwd: repoRoot });
  const config: Linter.Config[] = [
    { files: ['**/*.{ts,tsx}'], languageOptions: { parser: tseslint.parser } },
    layerTable([
      'renderer/src/state/**',
      ['renderer/src/scene/**', 'renderer/src/panels/**'],
      'renderer/src/App.tsx',
    ]),
  ];
  const lint = (code: string, file: string) =>
    linter.verify(code, config, path.join(repoRoot, file)).map((m) => m.message);

  it('checks a table whose top layer is one file', () => {
    expect(lint("import { useTwin } from '../App';", 'renderer/src/state/store.ts')).toEqual([
      'renderer/src/state (layer 0) must not import renderer/src/App.tsx (layer 2): imports go only to lower layers.',
    ]);
    expect(
      lint(
        "import { Scene } from './scene';\nimport { store } from './state/store';",
        'renderer/src/App.tsx',
      ),
    ).toEqual([]);
  });
});
