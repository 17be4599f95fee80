import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'tests/core/**/*.test.ts',
      'tests/electron/**/*.test.ts',
      'tests/renderer/**/*.test.ts',
      'tests/scripts/**/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 30_000,
  },
});
