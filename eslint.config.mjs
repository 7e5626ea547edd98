import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    '.next/**',
    'node_modules/**',
    'lib/db/generated/**',
    'tools/**',
    '.data/**',
    '.bench/**',
    'test-results/**',
    'playwright-report/**',
    'next-env.d.ts',
  ]),
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Client components must never reach the database or server-only domain code.
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/generated/*'], message: 'Import the Prisma client through lib/db.' }] }],
    },
  },
  {
    files: ['lib/db/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
]);
