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
          // Node 24's larger young generation left more garbage between collections: the XLSX memory test measured
          // 150–215 MiB of RSS growth with the default, 75–115 MiB with young-generation semi-spaces of 8 MiB.
          execArgv: ['--max-semi-space-size=8'],
          // One file at a time (Vitest's default on 2 cores). Two at a time took 57–76 s instead of 99 s, but the
          // XLSX export memory test then measured 19–172 MiB of growth for 100,000 rows over eight runs, against
          // 14–91 MiB alone: too close to its 200 MiB budget (which tells streaming from a buffered workbook, about
          // 1,160 MiB; see the test) for a check that must not fail by chance.
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
