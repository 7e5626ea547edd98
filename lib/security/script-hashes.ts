// The script hashes of every prerendered page, written by scripts/csp-hashes.ts after `next build` into
// .next/csp-hashes.json: `{ "/es/programs": ["'sha256-…'", …] }`. Read once, by proxy.ts.
import { readFileSync } from 'node:fs';
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
