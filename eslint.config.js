import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { layerTable } from './eslint/layering.js';

/**
 * Layers of core/, lowest first; a file imports only from its own layer and lower ones. Folders in one
 * array share a rank and must not import each other. Checked by eslint/layering.js.
 */
const CORE_LAYERS = [
  // upload/: chunked uploads (begin → chunks → final call), needs nothing else.
  // text/: sentences sent as a code and values (phrases), for the renderer to say in the active language.
  ['core/units/**', 'core/validation/**', 'core/random/**', 'core/upload/**', 'core/text/**'],
  // glb/: the GLB validator, needs only validation/; asset/ and glb/ never import each other.
  ['core/asset/**', 'core/glb/**'],
  ['core/data/**', 'core/sim/**'],
  // live/: what live sources send, turned into rows of tag values.
  'core/live/**',
  'core/alarms/**',
  'core/history/**',
  ['core/ml/layers/**', 'core/ml/metrics/**'],
  'core/ml/io/**',
  // normal/: the model of normal behaviour (learn normal running, score causally), beside rul/; neither imports the other.
  ['core/ml/rul/**', 'core/ml/normal/**'],
  'core/ml/pump/**',
  'core/ml/retrain/**',
  'core/scenario/**',
  'core/whatif/**',
  'core/fleet/**',
  'core/api/**',
];

/** Layers of renderer/src, lowest first (see docs/architecture.md); features are siblings and never import each other. */
const RENDERER_LAYERS = [
  // i18n/: the texts in every language and the i18next instance; imports nothing of the renderer.
  ['renderer/src/styles/**', 'renderer/src/i18n/**'],
  'renderer/src/api/**',
  'renderer/src/state/**',
  'renderer/src/hooks/**',
  'renderer/src/inference/**',
  'renderer/src/models/**',
  'renderer/src/predictions/**',
  'renderer/src/scene/**',
  ['renderer/src/ui/**', 'renderer/src/format.ts'],
  [
    'renderer/src/features/live/**',
    'renderer/src/features/history/**',
    'renderer/src/features/whatif/**',
    'renderer/src/features/trainer/**',
    'renderer/src/features/fleet/**',
    'renderer/src/features/model-versions/**',
    'renderer/src/features/connections/**',
  ],
  'renderer/src/shell/**',
  ['renderer/src/connect.ts', 'renderer/src/menu-actions.ts'],
  'renderer/src/App.tsx',
  'renderer/src/main.tsx',
];

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'http', 'child_process', 'worker_threads', 'url', 'net'];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['scripts/**/*.{js,mjs}', 'eslint.config.js', 'eslint/**/*.js', '.ci/**'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  layerTable(CORE_LAYERS),
  layerTable(RENDERER_LAYERS),
  // Layering: core is pure; renderer and electron import core, never each other.
  {
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'electron',
                'react',
                'react-dom',
                'three',
                '@react-three/*',
                'zustand*',
                ...nodeBuiltins,
              ],
              message: 'core/ is pure: no electron, node, react, three or DOM imports.',
            },
            {
              group: ['**/electron/**', '**/renderer/**'],
              message: 'core/ must not import from electron/ or renderer/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/immutability': 'off',
      'react-hooks/refs': 'off',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/electron/**', 'electron', ...nodeBuiltins],
              message: 'renderer/ talks to the backend only through the TwinApi client.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/renderer/**', 'react', 'three'],
              message: 'electron/ must not import from renderer/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      'electron/services/**/*.ts',
      'electron/transport/**/*.ts',
      'electron/web/**/*.ts',
      'electron/security/**/*.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron'],
              message: 'Only electron/main.ts and electron/preload.ts (and electron/shell/) import electron.',
            },
            { group: ['**/renderer/**'], message: 'electron/ must not import from renderer/.' },
          ],
        },
      ],
    },
  },
);
