// Reads Next's prerender manifest (.next/prerender-manifest.json) to tell which pages `next build` rendered
// to static HTML. Pure functions, so a unit test can prove the check fails when a page is not static.

export interface PrerenderManifest {
  routes: Record<string, { response?: string; compute?: string } | undefined>;
}

/** `/{locale}{path}` for every locale; the home page is `/{locale}`. */
export function localizedPaths(paths: readonly string[], locales: readonly string[]): string[] {
  return locales.flatMap((locale) => paths.map((path) => `/${locale}${path === '/' ? '' : path}`));
}

/**
 * The routes among `required` that the build did not prerender completely: missing from the manifest
 * (rendered per request) or only a partial shell that the server finishes per request.
 */
export function notPrerendered(manifest: PrerenderManifest, required: readonly string[]): string[] {
  return required.filter((route) => !isStatic(manifest, route));
}

/** The routes the build prerendered completely among those `selected` picks. */
export function prerenderedAmong(manifest: PrerenderManifest, selected: (route: string) => boolean): string[] {
  return Object.keys(manifest.routes).filter((route) => selected(route) && isStatic(manifest, route));
}

function isStatic(manifest: PrerenderManifest, route: string): boolean {
  const entry = manifest.routes[route];
  if (!entry) return false;
  // Next 16 writes response/compute; an older manifest without them lists only static routes.
  return (entry.response ?? 'complete') === 'complete' && (entry.compute ?? 'static') === 'static';
}
