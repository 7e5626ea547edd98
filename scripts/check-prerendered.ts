// Run by scripts/test.sh right after `next build`: fails, naming them, when a public page in any locale was
// not prerendered to static HTML (it would render per request: slower, and a sign that something on the
// page reads the request).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { routing } from '../lib/i18n/routing.ts';
import { publicPaths } from '../lib/public-pages.ts';
import { localizedPaths, notPrerendered, type PrerenderManifest } from './lib/prerendered.ts';

const root = path.resolve(import.meta.dirname, '..');
const manifestPath = path.join(root, '.next/prerender-manifest.json');
if (!existsSync(manifestPath)) {
  console.error(`${manifestPath} is missing: run \`npm run build\` first.`);
  process.exit(1);
}

// Public pages built on other branches count as soon as their page exists, even before they are added to
// lib/public-pages.ts (tests/unit/public-pages.test.ts asks for that separately).
const laterPages = ['/talent', '/privacy'].filter(
  (p) => !publicPaths.includes(p) && existsSync(path.join(root, 'app/[locale]', p, 'page.tsx')),
);
const required = localizedPaths([...publicPaths, ...laterPages], routing.locales);
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as PrerenderManifest;
const missing = notPrerendered(manifest, required);

if (missing.length > 0) {
  console.error(`These public pages were not prerendered as static HTML:\n${missing.map((r) => `  ${r}`).join('\n')}`);
  process.exit(1);
}
console.log(`All ${required.length} public pages are prerendered: ${required.join(' ')}`);
