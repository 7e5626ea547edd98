// The script hashes of every prerendered page, written by scripts/csp-hashes.ts after `next build` into
// .next/csp-hashes.json: `{ "/es/programs": ["'sha256-…'", …] }`. Read once, by proxy.ts.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const scriptHashesFile = 'csp-hashes.json';

let hashes: Map<string, readonly string[]> | undefined;

function load(): Map<string, readonly string[]> {
  try {
    const file = path.join(process.cwd(), '.next', scriptHashesFile);
    return new Map(Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, string[]>));
  } catch {
    // `next dev`, or a build without the post-build step: every page gets a nonce instead, which a prerendered
    // page does not carry, so its scripts are blocked (its content still shows) rather than let through.
    return new Map();
  }
}

/** The hash sources for the prerendered page at `route` (`/es/join`), or undefined when it is not prerendered. */
export function scriptHashesFor(route: string): readonly string[] | undefined {
  hashes ??= load();
  return hashes.get(route);
}

const liveHashes = new Map<string, { file: string; mtimeMs: number; size: number; sources: readonly string[] }>();

/**
 * The HTML file Next serves a revalidated page from now: the build's (.next/server/app/{route}.html) until it makes
 * the page again, then the one it writes in its route cache (.next/server/route-cache/APP_PAGE/{hash of the source
 * route}/${route}.html). The newest of those that exist.
 */
function currentHtml(route: string): { file: string; mtimeMs: number; size: number } | undefined {
  const server = path.join(process.cwd(), '.next', 'server');
  const files = [path.join(server, 'app', `${route}.html`)];
  const routeCache = path.join(server, 'route-cache', 'APP_PAGE');
  try {
    for (const owner of readdirSync(routeCache)) files.push(path.join(routeCache, owner, `$${route}.html`));
  } catch {
    // No page made again yet.
  }
  let newest: { file: string; mtimeMs: number; size: number } | undefined;
  for (const file of files) {
    try {
      const { mtimeMs, size } = statSync(file);
      if (!newest || mtimeMs > newest.mtimeMs) newest = { file, mtimeMs, size };
    } catch {
      // Not this one.
    }
  }
  return newest;
}

/**
 * For a page Next makes again while running (on-demand or timed revalidation), the hashes of the inline scripts in
 * the HTML it serves the page from now (and that file's time), re-read only when that file changes. Undefined when there is none yet (a
 * page published after the build, before its first request). JSON-LD blocks are data, which browsers never run:
 * left out.
 */
export function liveScriptHashesFor(route: string): { sources: readonly string[]; mtimeMs: number } | undefined {
  const current = currentHtml(route);
  if (!current) return undefined;
  const known = liveHashes.get(route);
  if (known && known.file === current.file && known.mtimeMs === current.mtimeMs && known.size === current.size) return known;
  let html: string;
  try {
    html = readFileSync(current.file, 'utf8');
  } catch {
    return undefined;
  }
  const sources = new Set<string>();
  for (const [, attributes, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\ssrc=/i.test(attributes!) || /\stype="application\/(?:ld\+)?json"/i.test(attributes!)) continue;
    sources.add(`'sha256-${createHash('sha256').update(body!).digest('base64')}'`);
  }
  const entry = { ...current, sources: [...sources] };
  // Bounded: one entry per page, and pages are the opportunities staff published.
  if (liveHashes.size > 5000) liveHashes.clear();
  liveHashes.set(route, entry);
  return entry;
}

/**
 * Written by a staff action right after it revalidates pages (lib/opportunities/revalidate.ts): a page whose HTML is
 * older than this is rendered again by the next request, whose scripts carry that request's nonce.
 */
const pagesChangedFile = () => path.join(process.cwd(), '.next', 'cache', 'pages-changed-at');

export function markPagesChanged(): void {
  try {
    mkdirSync(path.dirname(pagesChangedFile()), { recursive: true });
    writeFileSync(pagesChangedFile(), new Date().toISOString());
  } catch {
    // No build folder to write in (tests): nothing serves pages here.
  }
}

/** When this instance last revalidated pages on demand (0: never). */
export function pagesChangedAt(): number {
  try {
    return statSync(pagesChangedFile()).mtimeMs;
  } catch {
    return 0;
  }
}
