// Every public page, once: the sitemap, the prerender check (scripts/check-prerendered.ts) and the e2e
// tests all read this list. Paths are without the locale; each exists in every locale.
// tests/unit/public-pages.test.ts fails when a page under app/[locale] is neither here nor deliberately
// left out, so a new public page (the sign-up form, the privacy policy) is added by one line here.
import { programSlugs } from './programs/slugs';
import { answerSegments, finderPath } from './finder/answers';
import { englishLevels } from './candidates/options';
import { filterPath, filterSegments, opportunitiesPath } from './opportunities/filters';

export const publicPaths: readonly string[] = [
  '/',
  '/programs',
  ...programSlugs.map((slug) => `/programs/${slug}`),
  '/join',
  '/investors',
  '/talent-pool',
  // Each published opportunity's page is in the sitemap too (app/sitemap.ts reads them from the database).
  opportunitiesPath,
  '/talent',
  '/privacy',
  '/my-data',
];

/** Pages under app/[locale] that are not public pages: not listed in the sitemap nor required static. */
// review and submit serve the form without JavaScript; `/for-you/{answer}` are the finder's answers, one per
// possible answer (the form is on the home page, which is what search engines should find).
export const nonPublicPagePrefixes: readonly string[] = [
  '/staff',
  '/not-found',
  '/talent/thanks',
  '/talent/review',
  '/talent/submit',
  '/join/review',
  '/join/submit',
  '/join/sent',
  finderPath,
  // The list's filtered views: the list itself is what search engines should find.
  filterPath,
  // Reached from a mail or a form, never searched for: the confirmation link's pages and My data's inner pages.
  '/confirm',
  '/my-data/sent',
  '/my-data/open',
  '/my-data/view',
  '/my-data/download',
  '/my-data/deleted',
  // An announcement mail's links and their outcomes.
  '/interest',
  '/unsubscribe',
];

/**
 * The pages rendered per request, and why; every other page under app/[locale] is prerendered to static HTML.
 * scripts/check-prerendered.ts fails when a page here was prerendered (it would lose its nonce, and its
 * scripts would be blocked) or a page not here was not. Paths without the locale; `/**` also covers the pages
 * under a path.
 */
export const dynamicPages: Readonly<Record<string, string>> = {
  '/talent': 'the sign-up form takes personal data, so its scripts carry a per-request CSP nonce',
  '/talent/review': 'the form sent back with its errors without JavaScript: per-request state, and the nonce',
  '/join/review': 'the organizations\' form sent back with its errors: per-request state',
  '/staff/**': 'staff pages read the session and personal data, and carry the nonce',
  '/confirm': 'the confirmation link\'s page reads its token (?token=) to say whether it is valid, used or expired',
  '/my-data/open': 'the My data link\'s page reads its token (?token=)',
  '/my-data/view': 'a candidate\'s own data, read with their session cookie',
  '/interest': 'the "I\'m interested" link\'s page reads its token (?token=) to name the opportunity',
  '/unsubscribe': 'the unsubscribe link\'s page reads its token (?token=) to name what it stops',
};

/** Prerendered pages that are not in the sitemap. */
export const otherStaticPaths: readonly string[] = [
  // Served at /talent/thanks by proxy.ts, only right after a sign-up, for the level given.
  ...englishLevels.map((level) => `/talent/thanks/${level}`),
  '/join/sent',
  '/not-found',
  finderPath,
  ...answerSegments.map((segment) => `${finderPath}/${segment}`),
  ...filterSegments.map((segment) => `${filterPath}/${segment}`),
  '/confirm/done',
  '/confirm/sent',
  '/confirm/new',
  '/my-data/sent',
  '/my-data/deleted',
  '/interest/done',
  '/unsubscribe/done',
];

/** Whether the page at `path` (without the locale) is one of dynamicPages. */
export function isDynamicPage(path: string): boolean {
  return Object.keys(dynamicPages).some((page) => {
    if (!page.endsWith('/**')) return path === page;
    const base = page.slice(0, -3);
    return path === base || path.startsWith(`${base}/`);
  });
}

/**
 * Static pages whose addresses exist only once staff publish them: rendered on their first request and kept
 * (dynamicParams), so the prerender check cannot list them all. `/*` is one path segment. Each published one is in
 * the sitemap (app/sitemap.ts reads them from the database).
 */
export const onDemandStaticPages: Readonly<Record<string, string>> = {
  [`${opportunitiesPath}/*`]: 'an opportunity\'s page: prerendered at build for those published then, on first request for the others',
};

export function isOnDemandStaticPage(path: string): boolean {
  return Object.keys(onDemandStaticPages).some((page) => {
    const base = page.slice(0, -1);
    return path.startsWith(base) && path.length > base.length && !path.slice(base.length).includes('/') && path !== `${filterPath}`;
  });
}

/**
 * Static pages that are made again while the app runs (staff publish, edit or close an opportunity; the talent
 * pool's timed regeneration): the HTML served may be newer than the build, so proxy.ts takes their CSP hashes from the HTML
 * file Next keeps, not from the build's list (lib/security/script-hashes.ts). The finder's answers show cohorts; the
 * finder's own page (the questions alone) does not.
 */
export function isRevalidatedPage(path: string): boolean {
  return (
    path === '/talent-pool' ||
    path === opportunitiesPath ||
    path.startsWith(`${opportunitiesPath}/`) ||
    /^\/programs\/[^/]+$/.test(path) ||
    path.startsWith(`${finderPath}/`)
  );
}
