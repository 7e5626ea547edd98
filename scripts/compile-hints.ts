// Run by `npm run build` after `next build`, before scripts/csp-hashes.ts. Puts V8's compile hint in front of every
// client chunk, so Chromium compiles Next's and React's module factories off the main thread while they download:
// in a fresh page (every Lighthouse run) they were otherwise compiled on first call, about 100 ms of one long task
// in every page's start-up here (docs/decisions/compile-hints.md). The chunks' integrity changes with their bytes, so every
// place Next wrote it (the SRI manifests, prerendered HTML) is updated to match; browsers refuse a script whose
// integrity does not.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { replaceIntegrity, withCompileHint } from './lib/compile-hints.ts';
import { filesUnder } from './lib/files.ts';

const dotNext = path.resolve(import.meta.dirname, '../.next');

const sriManifest = JSON.parse(readFileSync(path.join(dotNext, 'server/subresource-integrity-manifest.json'), 'utf8')) as Record<
  string,
  string
>;
const renamed = new Map<string, string>();
for (const file of filesUnder(path.join(dotNext, 'static/chunks'), (name) => name.endsWith('.js'))) {
  const { content, before, after } = withCompileHint(readFileSync(file, 'utf8'));
  if (before === after) continue;
  const key = path.relative(dotNext, file).split(path.sep).join('/');
  // A manifest that disagrees with the file means Next changed how it hashes: stop rather than ship pages whose
  // scripts the browser would refuse.
  if (sriManifest[key] !== undefined && sriManifest[key] !== before) throw new Error(`${key}: integrity ${sriManifest[key]} in Next's manifest, ${before} on disk`);
  writeFileSync(file, content);
  renamed.set(before, after);
}

let rewritten = 0;
for (const file of filesUnder(path.join(dotNext, 'server'), (name) => /\.(html|rsc|json|js|meta)$/.test(name))) {
  const text = readFileSync(file, 'utf8');
  const updated = replaceIntegrity(text, renamed);
  if (updated !== text) {
    writeFileSync(file, updated);
    rewritten++;
  }
}
console.log(`Compile hint added to ${renamed.size} client chunks; their integrity updated in ${rewritten} files`);
