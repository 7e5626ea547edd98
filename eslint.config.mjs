import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import serverBoundary from './scripts/eslint/server-boundary.mjs';

// The database client only through lib/db (its pool settings and shutdown live there).
const generatedClient = { group: ['**/generated/*'], message: 'Import the Prisma client through lib/db.' };
// Routes depend on components/ and lib/, never the other way round.
const appModules = {
  regex: '^(@/app|(\\.\\.?/)+app)(/|$)',
  message: 'components/ and lib/ never import from app/: move what they need into lib/ (server actions: lib/<concern>/actions.ts).',
};

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
    plugins: { 'server-boundary': serverBoundary },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { patterns: [generatedClient] }],
      // Client components never reach the database or server-only domain code, however indirectly.
      'server-boundary/no-server-code-in-client': 'error',
    },
  },
  {
    files: ['components/**', 'lib/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [generatedClient, appModules] }] },
  },
  {
    files: ['lib/db/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [appModules] }] },
  },
]);
