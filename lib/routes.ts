// Every page under /{locale}. The proxy answers anything else with the localized 404 page (status 404):
// Next 16 can only server-render a 404 through its static root not-found, which cannot know the language.
// tests/unit/routes.test.ts checks that each app/[locale]/**/page.tsx appears here.
import { programSlugs } from './programs/slugs';
import { answerSegments } from './finder/answers';
import { uuidPattern } from './ids';
import { filterSegments } from './opportunities/filters';
import { slugPattern } from './opportunities/slug';

const slug = `(?:${programSlugs.join('|')})`;

/** Paths without the locale prefix, as regular expressions anchored at both ends. */
export const localizedRoutes: readonly RegExp[] = [
  /^\/?$/,
  /^\/programs$/,
  new RegExp(`^/programs/${slug}$`),
  // join/submit: the organizations' form's target (answered by proxy.ts); join/review: the form with its errors.
  /^\/join(?:\/(?:submit|review|sent))?$/,
  /^\/talent$/,
  /^\/talent\/thanks$/,
  // talent/submit: the form's no-JavaScript target (answered by proxy.ts); talent/review: the page it shows the
  // form with its errors on, at the talent/submit address.
  /^\/talent\/(?:submit|review)$/,
  /^\/privacy$/,
  /^\/investors$/,
  // The talent pool; its CSV (talent-pool/aggregates.csv) is a file name, which the proxy lets through.
  /^\/talent-pool$/,
  // Opportunities: the list (proxy.ts serves /opportunities?kind=…&interest=… from /opportunities/filter/{…}),
  // its filters, and each opportunity's page (an unknown address gets Next's not-found from the page).
  /^\/opportunities$/,
  new RegExp(`^/opportunities/filter/(?:${filterSegments.join('|')})$`),
  new RegExp(`^/opportunities/(?!filter$)${slugPattern}$`),
  // for-you: the finder's answers (proxy.ts serves /for-you?level=… from /for-you/{answer}).
  /^\/for-you$/,
  new RegExp(`^/for-you/(?:${answerSegments.join('|')})$`),
  // Double opt-in: the link's page (confirm?token=…), its outcome, a new link.
  /^\/confirm(?:\/(?:done|sent|new))?$/,
  // My data: the request form, "check your email", the link's page, the candidate's page, its download (a route
  // handler), and the page after deletion.
  /^\/my-data(?:\/(?:sent|open|view|download|deleted))?$/,
  // An announcement mail's links: "I'm interested" and unsubscribe (each a page with a button), their outcomes, and
  // the RFC 8058 one-click target of List-Unsubscribe (a route handler).
  /^\/interest(?:\/done)?$/,
  /^\/unsubscribe(?:\/(?:done|one-click))?$/,
  /^\/staff$/,
  /^\/staff\/login$/,
  /^\/staff\/candidates$/,
  new RegExp(`^/staff/candidates/${uuidPattern}$`),
  /^\/staff\/audit$/,
  /^\/staff\/retention$/,
  /^\/staff\/organizations$/,
  /^\/staff\/partners$/,
  new RegExp(`^/staff/partners/${uuidPattern}$`),
  /^\/staff\/users$/,
  new RegExp(`^/staff/users/${uuidPattern}$`),
  /^\/staff\/account$/,
  // An opportunity's work area: who matches, announcing it (and its progress), its pipeline.
  new RegExp(`^/staff/opportunities/${uuidPattern}/(?:matches|announce|pipeline)$`),
  // The request register (Ley 1581 arts. 14-15) and the incident register.
  /^\/staff\/requests$/,
  new RegExp(`^/staff/requests/${uuidPattern}$`),
  /^\/staff\/incidents$/,
  /^\/staff\/opportunities(?:\/new)?$/,
  new RegExp(`^/staff/opportunities/${uuidPattern}$`),
];

/** The Open Graph image Next generates beside a page (an opengraph-image.tsx beside the page). */
const openGraphImage = /\/opengraph-image(?:-[a-z0-9]+)?$/;

/** `rest` is the path after `/{locale}` ('' for the home page). */
export function isKnownLocalizedPath(rest: string): boolean {
  const path = rest.length > 1 ? rest.replace(/\/$/, '') : rest;
  const page = openGraphImage.test(path) ? path.replace(openGraphImage, '') : path;
  return localizedRoutes.some((route) => route.test(page));
}
