// Every public page, once: the sitemap, the prerender check (scripts/check-prerendered.ts) and the e2e
// tests all read this list. Paths are without the locale; each exists in every locale.
// tests/unit/public-pages.test.ts fails when a page under app/[locale] is neither here nor deliberately
// left out, so a new public page (the sign-up form, the privacy policy) is added by one line here.
import { programSlugs } from './programs/slugs';

export const publicPaths: readonly string[] = [
  '/',
  '/programs',
  ...programSlugs.map((slug) => `/programs/${slug}`),
  '/join',
  '/talent',
  '/privacy',
];

/** Pages under app/[locale] that are not public pages: not listed in the sitemap nor required static. */
// `/talent/for/{slug}` are the prerendered `?program=` variants of /talent (canonical /talent); review and
// submit serve the form without JavaScript.
export const nonPublicPagePrefixes: readonly string[] = [
  '/staff',
  '/not-found',
  '/talent/thanks',
  '/talent/for',
  '/talent/review',
  '/talent/submit',
];
