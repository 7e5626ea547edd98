// Run by scripts/test.sh right after `next build`. Fails, naming them, when a page that must be static HTML was
// not prerendered (it would render per request: slower, and a sign that something on it reads the request), or
// when a page listed as dynamic was prerendered: it would lose its CSP nonce and its scripts would be blocked.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { routing } from '../lib/i18n/routing.ts';
import { dynamicPages, isDynamicPage, otherStaticPaths, publicPaths } from '../lib/public-pages.ts';
import { localizedPaths, notPrerendered, prerenderedAmong, type PrerenderManifest } from './lib/prerendered.ts';

const root = path.resolve(import.meta.dirname, '..');
const manifestPath = path.join(root, '.next/prerender-manifest.json');
if (!existsSync(manifestPath)) {
  console.error(`${manifestPath} is missing: run \`npm run build\` first.`);
  process.exit(1);
}

const required = localizedPaths([...publicPaths.filter((p) => !isDynamicPage(p)), ...otherStaticPaths], routing.locales);
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as PrerenderManifest;
const missing = notPrerendered(manifest, required);
const withoutLocale = (route: string) => {
  const locale = routing.locales.find((l) => route === `/${l}` || route.startsWith(`/${l}/`));
  return locale ? route.slice(locale.length + 1) || '/' : undefined;
};
const wronglyStatic = prerenderedAmong(manifest, (route) => {
  const rest = withoutLocale(route);
  return rest !== undefined && isDynamicPage(rest);
});

if (missing.length > 0) {
  console.error(`These pages were not prerendered as static HTML:\n${missing.map((r) => `  ${r}`).join('\n')}`);
}
if (wronglyStatic.length > 0) {
  console.error(
    `These pages must render per request (lib/public-pages.ts, dynamicPages) but were prerendered:\n` +
      wronglyStatic.map((r) => `  ${r}`).join('\n'),
  );
}
if (missing.length + wronglyStatic.length > 0) process.exit(1);
console.log(`All ${required.length} static pages are prerendered: ${required.join(' ')}`);
console.log('Rendered per request, in every language:');
for (const [page, why] of Object.entries(dynamicPages)) console.log(`  ${page}: ${why}`);
