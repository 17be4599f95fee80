// A local ESLint plugin that keeps imports flowing downward through an ordered table of layers,
// in the spirit of VS Code's `code-layering` rule.
//
// A table lists layers lowest first. Each entry is a folder glob relative to the repository root
// ("core/units/**"), or an array of globs: a tier of siblings that share a rank. A file may import
// from its own layer and from any lower one. The rule reports an import (static import, export-from,
// dynamic import(), import type, require()) whose resolved target lies in a higher layer, or in
// another folder of the same tier. Imports of packages and of files outside the table are not checked.
//
// Globs know `**` (any number of folders) and `*` (any characters within one folder name); a glob may
// also name one file ("renderer/src/App.tsx"). Globs should not overlap: a path belongs to the first
// layer, lowest first, whose glob matches it. Source extensions are ignored on both sides, and a target
// is also tried as its folder's index, so "../sim" belongs to "core/sim/**". Paths are taken relative
// to the rule's `root` option (layerTable sets it to the repository root, the folder above eslint/).
//
// Usage in eslint.config.js:
//   import { layerTable } from './eslint/layering.js';
//   export default [ ..., layerTable(['core/units/**', ['core/data/**', 'core/sim/**'], 'core/api/**']) ];
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const SOURCE_EXTENSION = /\.(?:ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;

/** Turns a glob into a regular expression over a repo-relative path with "/" separators. */
function globToRegExp(glob) {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i];
    if (char === '*' && glob[i + 1] === '*') {
      // "a/**" also matches "a" itself; "**/" matches zero or more folders.
      if (glob[i + 2] === '/') {
        source += '(?:.*/)?';
        i += 2;
      } else {
        source = source.endsWith('/') ? `${source.slice(0, -1)}(?:/.*)?` : `${source}.*`;
        i += 1;
      }
    } else if (char === '*') {
      source += '[^/]*';
    } else {
      source += char.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`);
}

/** Name shown in messages: the glob without its trailing "/**". */
const layerName = (glob) => glob.replace(/\/\*\*$/, '');

/** Flattens a table into one entry per glob, with the rank of its tier (0 = lowest). */
function compileTable(layers) {
  return layers.flatMap((entry, rank) =>
    (Array.isArray(entry) ? entry : [entry]).map((glob) => ({
      rank,
      name: layerName(glob),
      pattern: globToRegExp(glob.replace(SOURCE_EXTENSION, '')),
    })),
  );
}

function findLayer(compiled, repoPath) {
  return compiled.find(({ pattern }) => pattern.test(repoPath) || pattern.test(`${repoPath}/index`));
}

const toRepoPath = (root, absolute) =>
  path.relative(root, absolute).split(path.sep).join('/').replace(SOURCE_EXTENSION, '');

/** The module name of an import-like node when it is a plain string, else null. */
function specifierOf(node) {
  if (!node) return null;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0].value.cooked;
  if (node.type === 'TSLiteralType') return specifierOf(node.literal);
  return null;
}

const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports go only to the same or a lower layer of an ordered layer table.' },
    schema: [
      {
        type: 'object',
        properties: {
          /** Folder the globs are relative to; defaults to ESLint's working directory. */
          root: { type: 'string' },
          layers: {
            type: 'array',
            minItems: 1,
            items: {
              anyOf: [{ type: 'string' }, { type: 'array', minItems: 1, items: { type: 'string' } }],
            },
          },
        },
        required: ['layers'],
        additionalProperties: false,
      },
    ],
    messages: {
      upward:
        '{{from}} (layer {{fromRank}}) must not import {{to}} (layer {{toRank}}): imports go only to lower layers.',
      sibling: '{{from}} and {{to}} share layer {{fromRank}} and must not import each other.',
    },
  },
  create(context) {
    const { layers, root = context.cwd } = context.options[0];
    const compiled = compileTable(layers);
    const filename = context.filename;
    const from = findLayer(compiled, toRepoPath(root, filename));
    if (!from) return {};

    function check(node, sourceNode) {
      const specifier = specifierOf(sourceNode);
      if (!specifier || !specifier.startsWith('.')) return;
      const target = toRepoPath(root, path.resolve(path.dirname(filename), specifier));
      const to = findLayer(compiled, target);
      if (!to || to.name === from.name || to.rank < from.rank) return;
      const data = { from: from.name, to: to.name, fromRank: String(from.rank), toRank: String(to.rank) };
      context.report({ node: sourceNode, messageId: to.rank === from.rank ? 'sibling' : 'upward', data });
    }

    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
      TSImportType: (node) => check(node, node.argument),
      TSExternalModuleReference: (node) => check(node, node.expression),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require')
          check(node, node.arguments[0]);
      },
    };
  },
};

/** The plugin: one rule, `layering/layers`, configured with `{ layers: [...] }`. */
export const layeringPlugin = {
  meta: { name: 'twinscape-layering' },
  rules: { layers: layersRule },
};

/**
 * A flat-config object that applies one layer table to the files inside it. Call it once per table
 * (core, renderer, …); tables must not overlap, since a later config's options replace an earlier one's.
 */
export function layerTable(layers) {
  const files = layers.flat().map((glob) => (glob.endsWith('/**') ? `${glob}/*.{ts,tsx,js,mjs}` : glob));
  return {
    files,
    plugins: { layering: layeringPlugin },
    rules: { 'layering/layers': ['error', { layers, root: REPO_ROOT }] },
  };
}
