import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dynamicPages, isDynamicPage, isOnDemandStaticPage, nonPublicPagePrefixes, otherStaticPaths, publicPaths } from '@/lib/public-pages';
import { isKnownLocalizedPath } from '@/lib/routes';
import { programSlugs } from '@/lib/programs/slugs';
import { answerSegments } from '@/lib/finder/answers';
import { englishLevels } from '@/lib/candidates/options';
import { filterSegments } from '@/lib/opportunities/filters';

/** An opportunity's address as staff publishing one would give it: its pages exist only then. */
const exampleOpportunity = 'cohorte-hello-valle-marzo-a1b2c3';

const localeDir = path.resolve(import.meta.dirname, '../../app/[locale]');

/** Every page.tsx under app/[locale] as a path, program slugs filled in. */
function pagePaths(dir = localeDir, prefix = ''): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    // A parallel route's slot (@header) adds no path: its pages mirror the pages' own.
    if (statSync(full).isDirectory()) return entry.startsWith('@') ? [] : pagePaths(full, entry.startsWith('(') ? prefix : `${prefix}/${entry}`);
    return entry === 'page.tsx' ? [prefix || '/'] : [];
  })
    .map((p) => p.replace('/opportunities/[slug]', `/opportunities/${exampleOpportunity}`))
    .flatMap((p) => (p.includes('[slug]') ? programSlugs.map((s) => p.replace('[slug]', s)) : [p]))
    .flatMap((p) => (p.includes('[filter]') ? filterSegments.map((f) => p.replace('[filter]', f)) : [p]))
    .flatMap((p) => (p.includes('[answer]') ? answerSegments.map((a) => p.replace('[answer]', a)) : [p]))
    .flatMap((p) => (p.includes('[level]') ? englishLevels.map((l) => p.replace('[level]', l)) : [p]));
}

const isNonPublic = (p: string) => nonPublicPagePrefixes.some((prefix) => p === prefix || p.startsWith(`${prefix}/`)) || isOnDemandStaticPage(p);

describe('the list of public pages', () => {
  it('holds every page under app/[locale] that is not staff-only, a confirmation or the 404 page', () => {
    const pages = pagePaths().filter((p) => !isNonPublic(p));
    expect(pages.filter((p) => !publicPaths.includes(p))).toEqual([]);
  });

  it('holds only pages that exist and the proxy serves', () => {
    const pages = new Set(pagePaths());
    expect(publicPaths.filter((p) => !pages.has(p) || !isKnownLocalizedPath(p === '/' ? '' : p))).toEqual([]);
  });

  it('includes the home page, the programs and every program', () => {
    expect(publicPaths).toEqual(expect.arrayContaining(['/', '/programs', '/join', '/programs/hello-valle']));
    expect(publicPaths.filter((p) => p.startsWith('/programs/'))).toHaveLength(programSlugs.length);
  });

  it('says of every page whether it is prerendered or rendered per request, and why', () => {
    const undecided = pagePaths().filter(
      (p) => !isDynamicPage(p) && !otherStaticPaths.includes(p) && !(publicPaths.includes(p) && !isNonPublic(p)) && !isOnDemandStaticPage(p),
    );
    expect(undecided).toEqual([]);
    const pages = pagePaths();
    expect(Object.keys(dynamicPages).filter((d) => !pages.some((p) => isDynamicPage(p) && p.startsWith(d.replace('/**', ''))))).toEqual([]);
    expect(isDynamicPage('/talent/thanks')).toBe(false);
    expect(isDynamicPage('/staff')).toBe(true);
    expect(isOnDemandStaticPage(`/opportunities/${exampleOpportunity}`)).toBe(true);
    expect(isOnDemandStaticPage('/opportunities/filter/job-all')).toBe(false);
    expect(isKnownLocalizedPath(`/opportunities/${exampleOpportunity}`)).toBe(true);
  });
});
