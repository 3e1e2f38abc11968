import path from 'node:path';
import { defineConfig } from 'vitest/config';

const reportDir = process.env.CI_REPORT_DIR;

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      'server-only': path.resolve(import.meta.dirname, 'tests/helpers/server-only.ts'),
    },
  },
  test: {
    environment: 'node',
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    // NOTE: a file's setup opens and migrates a PGlite database: 3–5 s alone, far longer on a loaded 2-core machine.
    hookTimeout: 60_000,
    env: { LOG_LEVEL: 'silent' },
    // NOTE: next-auth is ESM importing `next/server` without an extension, which Node cannot resolve; let Vite do it.
    server: { deps: { inline: ['next-auth'] } },
    reporters: reportDir
      ? [
          'default',
          ['json', { outputFile: path.join(reportDir, `vitest-${process.env.CI_REPORT_NAME ?? 'unit'}.json`) }],
        ]
      : ['default'],
  },
});
