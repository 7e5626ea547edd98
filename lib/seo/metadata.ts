import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { routing, type Locale } from '@/lib/i18n/routing';
import { siteUrl } from '@/lib/site';

/** `path` is the page's path without the locale, starting with `/` ('' or '/' for the home page). */
export function localizedUrl(locale: Locale, path: string): string {
  const suffix = path === '/' ? '' : path;
  return `${siteUrl}/${locale}${suffix}`;
}

/** Title, description, canonical, hreflang alternates and Open Graph for one page in one language. */
export async function pageMetadata(options: {
  locale: Locale;
  path: string;
  title?: string;
  description?: string;
  /** Staff and confirmation pages must not be indexed. */
  noIndex?: boolean;
}): Promise<Metadata> {
  const { locale, path } = options;
  const t = await getTranslations({ locale, namespace: 'Metadata' });
  const title = options.title ? t('titleTemplate', { title: options.title }) : t('defaultTitle');
  const description = options.description ?? t('defaultDescription');
  const languages = Object.fromEntries(routing.locales.map((l) => [l, localizedUrl(l, path)]));
  return {
    metadataBase: new URL(siteUrl),
    title,
    description,
    alternates: {
      canonical: localizedUrl(locale, path),
      languages: { ...languages, 'x-default': localizedUrl(routing.defaultLocale, path) },
    },
    openGraph: {
      type: 'website',
      siteName: t('siteName'),
      title,
      description,
      url: localizedUrl(locale, path),
      locale: locale === 'es' ? 'es_CO' : 'en_US',
      alternateLocale: locale === 'es' ? ['en_US'] : ['es_CO'],
    },
    robots: options.noIndex ? { index: false, follow: false } : undefined,
  };
}
