import type { MetadataRoute } from 'next';
import { routing } from '@/lib/i18n/routing';
import { publicPaths } from '@/lib/public-pages';
import { localizedUrl } from '@/lib/seo/metadata';

// Every public page in every language, each entry naming its translations (and x-default) the way the
// pages' own hreflang links do. Static: built once at `next build`.
export default function sitemap(): MetadataRoute.Sitemap {
  return publicPaths.flatMap((path) => {
    const languages = {
      ...Object.fromEntries(routing.locales.map((locale) => [locale, localizedUrl(locale, path)])),
      'x-default': localizedUrl(routing.defaultLocale, path),
    };
    return routing.locales.map((locale) => ({ url: localizedUrl(locale, path), alternates: { languages } }));
  });
}
