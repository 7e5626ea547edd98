// Run by `npm run build` right after `next build`: a prerendered page cannot carry a per-request nonce, so its
// CSP allows the hashes of exactly the scripts in its HTML. Writes .next/csp-hashes.json for proxy.ts, and adds
// the integrity attributes Next leaves out (scripts/lib/script-hashes.ts) to the prerendered HTML.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { scriptHashesFile } from '../lib/security/script-hashes.ts';
import { filesUnder } from './lib/files.ts';
import { hashPage } from './lib/script-hashes.ts';

const dotNext = path.resolve(import.meta.dirname, '../.next');
const appDir = path.join(dotNext, 'server/app');
const sri = JSON.parse(readFileSync(path.join(dotNext, 'server/subresource-integrity-manifest.json'), 'utf8')) as Record<
  string,
  string
>;
const integrityOf = (src: string) => (src.startsWith('/_next/') ? sri[src.slice('/_next/'.length)] : undefined);

const hashes: Record<string, string[]> = {};
for (const file of filesUnder(appDir, (name) => name.endsWith('.html'))) {
  const route = `/${path.relative(appDir, file).replace(/\.html$/, '')}`.replace(/\/index$/, '') || '/';
  const original = readFileSync(file, 'utf8');
  const { html, sources } = hashPage(original, integrityOf);
  if (html !== original) writeFileSync(file, html);
  hashes[route] = sources;
}
writeFileSync(path.join(dotNext, scriptHashesFile), `${JSON.stringify(hashes, null, 1)}\n`);
console.log(`CSP script hashes for ${Object.keys(hashes).length} prerendered pages written to .next/${scriptHashesFile}`);
