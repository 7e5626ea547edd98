import { defineConfig } from 'vitest/config';
import path from 'node:path';

const alias = {
  '@': path.resolve(import.meta.dirname),
  'server-only': path.resolve(import.meta.dirname, 'tests/support/server-only.ts'),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/global-setup.ts'],
          pool: 'forks',
          // Two files at a time (Vitest's default on 2 cores is one): the files wait on PostgreSQL as much as on
          // the CPU; two at a time took 58 s where one took 99 s. With another file beside it, the XLSX memory
          // test once measured 109 MB of growth for 100,000 rows; its budget tells streaming (14–109 MB) from a
          // buffered workbook (about 1,160 MB), see the test.
          maxWorkers: 2,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
