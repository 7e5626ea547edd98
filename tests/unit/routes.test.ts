import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isKnownLocalizedPath } from '@/lib/routes';
import { programSlugs } from '@/lib/programs/slugs';
import { answerSegments } from '@/lib/finder/answers';
import { filterSegments } from '@/lib/opportunities/filters';

const localeDir = path.resolve(import.meta.dirname, '../../app/[locale]');

/** Every page.tsx under app/[locale], as a path with sample values for its dynamic segments. */
function pagePaths(dir = localeDir, prefix = ''): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) {
      // A parallel route's slot (@header) adds no path: its pages mirror the pages' own.
      if (entry.startsWith('@')) continue;
      if (entry.startsWith('(')) found.push(...pagePaths(full, prefix));
      else found.push(...pagePaths(full, `${prefix}/${entry}`));
    } else if (entry === 'page.tsx') {
      found.push(prefix);
    }
  }
  return found;
}

function samples(route: string): string[] {
  if (route.includes('/opportunities/[slug]')) return [route.replace('[slug]', 'trabajo-bilingue-en-cali-x7k2p9')];
  if (route.includes('[filter]')) return filterSegments.map((f) => route.replace('[filter]', f));
  if (route.includes('[slug]')) return programSlugs.map((s) => route.replace('[slug]', s));
  if (route.includes('[answer]')) return answerSegments.map((a) => route.replace('[answer]', a));
  // The thanks page per level is only ever reached through proxy.ts's rewrite of /talent/thanks.
  if (route.includes('[level]')) return [route.replace('/[level]', '')];
  return [route.replace('[id]', '0b7c8e1e-3f0a-4f2b-9b1d-2a3c4d5e6f70')];
}

describe('route table used by the proxy for localized 404s', () => {
  it('knows every page in app/[locale]', () => {
    const pages = pagePaths().filter((p) => p !== '/not-found');
    expect(pages.length).toBeGreaterThan(0);
    const unknown = pages.flatMap(samples).filter((p) => !isKnownLocalizedPath(p));
    expect(unknown).toEqual([]);
  });

  it('does not know made-up paths, unknown programs or the 404 page itself', () => {
    for (const p of [
      '/nope',
      '/programs/unknown',
      '/programs/hello-valle/extra',
      '/not-found',
      '/staff/candidates/123',
      '/for-you/A2-18to45-job',
      '/for-you/Z9-18to45-job-any',
      '/nope/opengraph-image',
      '/talent/thanks/B1',
      '/opportunities/filter',
      '/opportunities/filter/job-nope',
      '/opportunities/Has-Capitals',
      '/opportunities/a/b',
      '/staff/opportunities/123',
    ]) {
      expect(isKnownLocalizedPath(p), p).toBe(false);
    }
  });

  it("knows the Open Graph image of every page it knows", () => {
    for (const p of ['/opengraph-image', '/programs/hello-valle/opengraph-image', '/investors/opengraph-image']) {
      expect(isKnownLocalizedPath(p), p).toBe(true);
    }
  });

  it('accepts a trailing slash', () => {
    expect(isKnownLocalizedPath('/programs/')).toBe(true);
    expect(isKnownLocalizedPath('')).toBe(true);
  });
});
