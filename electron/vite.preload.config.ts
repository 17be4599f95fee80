import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const r = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * Builds the preload alone into dist/backend/preload.cjs: one self-contained CommonJS file, because a
 * sandboxed preload can require('electron') and nothing else. Runs after the backend build
 * (emptyOutDir: false keeps main.cjs and web.cjs).
 */
export default defineConfig({
  build: {
    ssr: r('preload.ts'),
    outDir: r('../dist/backend'),
    emptyOutDir: false,
    // Sandboxed preloads run in Electron 45's Chromium, not in Node.
    target: 'chrome140',
    sourcemap: true,
    rolldownOptions: {
      external: ['electron'],
      output: { format: 'cjs', entryFileNames: 'preload.cjs' },
    },
  },
  ssr: { noExternal: true, target: 'webworker' },
});
