import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const r = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/** Builds the Electron main process and the web-mode server (CommonJS for Node). The preload has its own config. */
export default defineConfig({
  build: {
    ssr: true,
    outDir: r('../dist/backend'),
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    rolldownOptions: {
      input: { main: r('main.ts'), web: r('web.ts') },
      external: [
        'electron',
        /^node:/,
        'ws',
        'sirv',
        '@duckdb/node-api',
        '@duckdb/node-bindings',
        'mqtt',
        'sparkplug-payload',
        /^node-opcua/,
      ],
      output: { format: 'cjs', entryFileNames: '[name].cjs', chunkFileNames: 'chunks/[name]-[hash].cjs' },
    },
  },
  ssr: { noExternal: ['zod'] },
});
