// Content-Security-Policy values, shared by next.config.ts (responses that skip proxy.ts) and proxy.ts (pages).
// Pages differ only in script-src: prerendered pages allow the SHA-256 of each script in their HTML
// (scripts/csp-hashes.ts writes them after `next build`), pages rendered per request allow a nonce. Either way 'strict-dynamic' lets those scripts load Next's other chunks, and nothing else runs.

/** Everything but script-src: nothing from other origins, no plugins, no <base>, no framing, forms only here. */
const common = [
  "default-src 'none'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
];

// React's development build evaluates code for its error overlay and stack traces; never in production.
const devEval = process.env.NODE_ENV === 'development' ? " 'unsafe-eval'" : '';

/** For responses proxy.ts does not see (API routes, assets, files): scripts only from this origin. */
export const baselineCsp = ["script-src 'self'", ...common].join('; ');

/** A page whose scripts are allowed by `sources` ('nonce-…' or 'sha256-…' values, quoted). */
export function pageCsp(sources: readonly string[]): string {
  return [`script-src ${sources.join(' ')} 'strict-dynamic'${devEval}`, ...common].join('; ');
}

/**
 * A static page Next makes again while running: its HTML can be newer than the build's hashes, and a version rendered
 * on request carries the nonce, a cached one does not. So the inline scripts are allowed by the hashes of the HTML
 * kept now and by a nonce, and external scripts by origin ('self', without 'strict-dynamic', which would ignore it):
 * Next leaves integrity attributes off some script tags when it renders at run time.
 */
export function revalidatedPageCsp(sources: readonly string[]): string {
  return [`script-src 'self' ${sources.join(' ')}${devEval}`, ...common].join('; ');
}

/** 128 random bits, base64: what proxy.ts puts in the CSP of a page rendered per request. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export const hstsValue = 'max-age=63072000; includeSubDomains';
