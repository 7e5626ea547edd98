import { describe, expect, it } from 'vitest';
import { localizedPaths, notPrerendered, prerenderedAmong } from '@/scripts/lib/prerendered';

const complete = { response: 'complete', compute: 'static' };

describe('the prerender check', () => {
  it('names each locale of each page, the home page without a trailing slash', () => {
    expect(localizedPaths(['/', '/join'], ['es', 'en'])).toEqual(['/es', '/es/join', '/en', '/en/join']);
  });

  it('passes when every page is complete static HTML', () => {
    expect(notPrerendered({ routes: { '/es': complete, '/en': complete } }, ['/es', '/en'])).toEqual([]);
  });

  it('fails for a page rendered per request or only as a partial shell', () => {
    const manifest = {
      routes: { '/es': complete, '/en': { response: 'initial', compute: 'resuming' } },
    };
    expect(notPrerendered(manifest, ['/es', '/en', '/es/join'])).toEqual(['/en', '/es/join']);
  });

  it('names the pages that should render per request but were prerendered', () => {
    const manifest = {
      routes: { '/es/talent': complete, '/es/talent/thanks': complete, '/en/talent': { response: 'initial', compute: 'resuming' } },
    };
    expect(prerenderedAmong(manifest, (route) => route.endsWith('/talent'))).toEqual(['/es/talent']);
  });
});
