import type { MetadataRoute } from 'next';
import { routing } from '@/lib/i18n/routing';
import { publicPaths } from '@/lib/public-pages';
import { localizedUrl } from '@/lib/seo/metadata';
import { sitemapOpportunities } from '@/lib/opportunities/public';

// Every public page in every language, each entry naming its translations (and x-default) the way the
// pages' own hreflang links do, and every published opportunity (a closed one leaves it). Static: built at
// `next build`, and made again when staff publish, edit or close an opportunity (lib/opportunities/revalidate.ts).
export const revalidate = 300;

function entries(path: string, lastModified?: Date): MetadataRoute.Sitemap {
  const languages = {
    ...Object.fromEntries(routing.locales.map((locale) => [locale, localizedUrl(locale, path)])),
    'x-default': localizedUrl(routing.defaultLocale, path),
  };
  return routing.locales.map((locale) => ({ url: localizedUrl(locale, path), alternates: { languages }, ...(lastModified ? { lastModified } : {}) }));
}

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const opportunities = await sitemapOpportunities();
  return [
    ...publicPaths.flatMap((path) => entries(path)),
    ...opportunities.flatMap((o) => entries(`/opportunities/${o.slug}`, o.updatedAt)),
  ];
}
