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
  return required.filter((route) => {
    const entry = manifest.routes[route];
    if (!entry) return true;
    // Next 16 writes response/compute; an older manifest without them lists only static routes.
    return (entry.response ?? 'complete') !== 'complete' || (entry.compute ?? 'static') !== 'static';
  });
}
