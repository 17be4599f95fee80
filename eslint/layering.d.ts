// Types of eslint/layering.js, for TypeScript callers (tests).
import type { ESLint, Linter } from 'eslint';

/** Lowest layer first; an array is a tier of sibling folders that share a rank. */
export type LayerTable = readonly (string | readonly string[])[];

export declare const layeringPlugin: ESLint.Plugin;

export declare function layerTable(layers: LayerTable): Linter.Config;
