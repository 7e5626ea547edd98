import type { MetadataRoute } from 'next';
import { routing } from '@/lib/i18n/routing';
import { siteUrl } from '@/lib/site';

export default function robots(): MetadataRoute.Robots {
  return {
    rules: {
      userAgent: '*',
      allow: '/',
      // Staff pages are behind a sign-in and carry personal data; API routes are not pages.
      disallow: [...routing.locales.map((locale) => `/${locale}/staff`), '/api/'],
    },
    sitemap: `${siteUrl}/sitemap.xml`,
  };
}
