import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { routing, type Locale } from '@/lib/i18n/routing';
import { pageMetadata } from '@/lib/seo/metadata';
import { Container } from '@/components/ui/Container';
import { ContentReviewed } from '@/components/facts/ContentReviewed';
import { ProgramsByAudience } from '@/components/programs/ProgramsByAudience';

export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: PageProps<'/[locale]/programs'>): Promise<Metadata> {
  const { locale } = (await params) as { locale: Locale };
  const t = await getTranslations({ locale, namespace: 'Programs.index' });
  return pageMetadata({ locale, path: '/programs', title: t('title'), description: t('description') });
}

export default async function ProgramsPage({ params }: PageProps<'/[locale]/programs'>) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'Programs.index' });
  return (
    <>
      <div className="border-b border-brand-100 bg-brand-50">
        <Container className="py-10 sm:py-14">
          <h1 className="text-3xl font-bold tracking-tight text-brand-800 sm:text-5xl">{t('title')}</h1>
          <p className="mt-4 max-w-3xl text-lg text-slate-800">{t('intro')}</p>
          <p className="mt-4">
            <a href={`/${locale}#finder`} className="inline-flex min-h-11 items-center font-bold text-brand-700 underline underline-offset-4">
              {t('finderLink')}
            </a>
          </p>
        </Container>
      </div>
      <ProgramsByAudience locale={locale} />
      <Container className="pb-10">
        <ContentReviewed locale={locale} />
      </Container>
    </>
  );
}
