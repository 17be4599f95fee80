import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const r = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/** Builds the backend: Electron main + preload (CommonJS, as sandboxed preloads require) and the web-mode server. */
export default defineConfig({
  build: {
    ssr: true,
    outDir: r('../dist/backend'),
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    rollupOptions: {
      input: { main: r('main.ts'), preload: r('preload.ts'), web: r('web.ts') },
      output: { format: 'cjs', entryFileNames: '[name].cjs', chunkFileNames: 'chunks/[name]-[hash].cjs' },
      external: ['electron', /^node:/, 'ws', '@duckdb/node-api'],
    },
  },
  ssr: { noExternal: ['zod'] },
});
